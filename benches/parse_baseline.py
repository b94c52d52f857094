#!/usr/bin/env python3
"""The baseline `cellbook check` is compared with: a plain Python script that only parses every
TOML file of the given ledgers with the standard library's tomllib (Python 3.11+), on one core,
and checks nothing.

    python3 benches/parse_baseline.py LEDGER...
"""

import os
import sys
import tomllib


def ledger_files(root):
    """cellbook.toml, members.toml and meetings/YYYY/*.toml, as `cellbook check` reads them."""
    for name in ("cellbook.toml", "members.toml"):
        path = os.path.join(root, name)
        if os.path.isfile(path):
            yield path
    meetings = os.path.join(root, "meetings")
    if not os.path.isdir(meetings):
        return
    for year in sorted(os.listdir(meetings)):
        folder = os.path.join(meetings, year)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".toml"):
                yield os.path.join(folder, name)


def main(roots):
    files = 0
    for root in roots:
        for path in ledger_files(root):
            with open(path, "rb") as f:
                tomllib.load(f)
            files += 1
    print(f"parsed {files} files")


if __name__ == "__main__":
    main(sys.argv[1:])
