#!/usr/bin/env bash
# The national-scale benchmarks of issue 16, written to benches/RESULTS.md (between the
# `national.sh` markers): a flat roll-up over 100,000 cells, 1,000 district reports into a
# province, 60 province reports into the nation, and `export --jsonl` over 10,000 cells × 1
# year, each beside `cat` of the same files.
#
#   benches/national.sh          (benches/run.sh runs it too, at its end)
#
# Generates once, into $CELLBOOK_BENCH_DATA (default /tmp/cellbook-bench): `national-q3`, 100,000
# cells with one quarter each (gen_ledger --quarter 3; about 1.5 GB in 600,000 files, some
# minutes), and `c10000y1`, 10,000 cells × 1 year (shared with run.sh). The district and
# province reports are made afresh by each run (they are what the binary writes).

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
data=${CELLBOOK_BENCH_DATA:-/tmp/cellbook-bench}
results=$here/RESULTS.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start_all=$(date +%s)
say() { printf '\n== %s\n' "$*" >&2; }

for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "national.sh: $tool is missing (benches/run.sh installs it)" >&2; exit 1; }
done
# 100,000 ledger names on one command line need more than the default 2 MB of arguments
# (ARG_MAX is a quarter of the stack limit).
ulimit -s 65536 2>/dev/null || ulimit -s unlimited

say "building (release)"
cargo build --release --locked --bin cellbook --example gen_ledger --example parse_floor
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
bin=$target/release/cellbook
gen=$target/release/examples/gen_ledger
floor=$target/release/examples/parse_floor

gen_hash=$(cat examples/gen_ledger/*.rs | sha256sum | cut -c1-16)
dataset() { # NAME CELLS YEARS SEED [GENERATOR OPTIONS]
    local name=$1 cells=$2 years=$3 seed=$4
    shift 4
    local dir=$data/$name stamp="cells=$cells years=$years seed=$seed $* generator=$gen_hash"
    stamp=${stamp//  / }
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "generating $name: $cells cells x $years years $*"
        rm -rf "$dir"
        mkdir -p "$data"
        "$gen" --cells "$cells" --years "$years" --seed "$seed" "$@" "$dir" >&2
        echo "$stamp" >"$dir/.stamp"
    fi
}
dataset national-q3 100000 1 16 --quarter 3
dataset c10000y1 10000 1 2

quarter=2024-Q3
today=2025-06-30
export NO_COLOR=1 CELLBOOK_TODAY=$today
nat=$data/national-q3
mapfile -t cells < <(cd "$nat" && ls -d cell-*)
[ "${#cells[@]}" -eq 100000 ] || { echo "national.sh: expected 100,000 cells in $nat" >&2; exit 1; }

# A command over many inputs, as a script hyperfine can run: one argument may not be longer than
# 128 KB (MAX_ARG_STRLEN), so 100,000 names cannot be one hyperfine command; the script's glob
# expands them (sorted, about 0.1 s of the shell's time for 100,000 names, included in the figure).
script() { # NAME CMD... (the last word a glob, left unexpanded)
    local name=$1
    shift
    printf '#!/bin/sh\nexec %s\n' "$*" >"$work/$name.sh"
    chmod +x "$work/$name.sh"
    echo "$work/$name.sh"
}

# hyperfine without a shell, from DIR; its JSON kept as NAME.
bench() { # NAME DIR HYPERFINE-ARGS...
    local name=$1 dir=$2
    shift 2
    (cd "$dir" && hyperfine -N --style basic --export-json "$work/$name.json" "$@" >&2)
}
peak_kb() { # DIR CMD...: maximum resident set size in KB (the output kept in $OUT, if set)
    local dir=$1
    shift
    (cd "$dir" && /usr/bin/time -v "$@" >"${OUT:-/dev/null}" 2>"$work/time") || { cat "$work/time" >&2; exit 1; }
    sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time"
}
# `cat` of the files a command reads, the floor of any reader: a list of files, via xargs.
cat_list() { # NAME DIR LISTFILE
    (cd "$2" && hyperfine -N --style basic --export-json "$work/$1.json" --runs 3 \
        "xargs -a $3 cat" >&2)
}

# --- the files each figure reads --------------------------------------------------------------
(cd "$nat" && find cell-* \( -name cellbook.toml -o -name members.toml -o -path '*/meetings/2024/*' \) -type f) >"$work/nat.files"
(cd "$data/c10000y1" && find cell-* \( -name cellbook.toml -o -name members.toml -o -path '*/meetings/2024/*' \) -type f) >"$work/c10k.files"
nat_files=$(wc -l <"$work/nat.files")
nat_bytes=$(cd "$nat" && xargs -a "$work/nat.files" cat | wc -c)

# --- 1. flat roll-up of a quarter over 100,000 cells -----------------------------------------
say "flat roll-up over 100,000 cells (peak memory, keeping the output; then timed)"
mem_flat=$(OUT=$work/out-flat.json peak_kb "$nat" "$bin" report --quarter $quarter --format json "${cells[@]}")
mem_flat_summary=$(OUT=$work/out-flat-summary.json peak_kb "$nat" "$bin" report --quarter $quarter --format json --summary-only "${cells[@]}")
bench flat "$nat" --runs 2 \
    --command-name "report --format json, 100,000 cells" \
    "$(script flat "$bin" report --quarter $quarter --format json 'cell-*')" \
    --command-name "report --format json --summary-only, 100,000 cells" \
    "$(script flat_s "$bin" report --quarter $quarter --format json --summary-only 'cell-*')"
cat_list cat_flat "$nat" "$work/nat.files"

# --- 2. districts into a province, provinces into the nation ---------------------------------
say "1,000 district reports (100 cells each) and 60 province reports"
mkdir -p "$work/districts" "$work/provinces"
for d in $(seq 0 999); do
    (cd "$nat" && "$bin" report --quarter $quarter --format json --summary-only \
        --out "$work/districts/d$(printf %04d $d).json" "${cells[@]:$((d * 100)):100}" >/dev/null)
done
districts=("$work"/districts/d*.json)
for p in $(seq 0 59); do
    from=$((p * 1000 / 60)) to=$(((p + 1) * 1000 / 60))
    "$bin" report --quarter $quarter --format json --summary-only \
        --out "$work/provinces/p$(printf %02d $p).json" "${districts[@]:$from:$((to - from))}" >/dev/null
done
provinces=("$work"/provinces/p*.json)
ls "${districts[@]}" >"$work/districts.files"
ls "${provinces[@]}" >"$work/provinces.files"
bench province "$work" --warmup 1 --runs 5 \
    --command-name "1,000 district reports into a province" \
    "$(script province "$bin" report --quarter $quarter --format json --summary-only 'districts/d*.json')"
bench nation "$work" --warmup 1 --runs 5 \
    --command-name "60 province reports into the nation" \
    "$(script nation "$bin" report --quarter $quarter --format json --summary-only 'provinces/p*.json')"
cat_list cat_province "$work" "$work/districts.files"
cat_list cat_nation "$work" "$work/provinces.files"
mem_nation=$(peak_kb "$work" "$bin" report --quarter $quarter --format json --summary-only "${provinces[@]}")
# Exactness at scale: the nation's totals are the flat roll-up's, byte for byte.
(cd "$work" && "$bin" report --quarter $quarter --format json --summary-only "${provinces[@]}" >out-nation.json)
python3 - "$work/out-flat-summary.json" "$work/out-nation.json" <<'PY'
import sys
a, b = (open(p).read() for p in sys.argv[1:])
tot = lambda t: t[t.rindex('\n  "totals": '):]
assert tot(a) == tot(b), "the nation's totals differ from the flat roll-up's"
assert a == b, "the nation's report differs from the flat summary roll-up"
PY
exact="yes, the whole document (summary) byte for byte"

# --- 3. export --jsonl over 10,000 cells x 1 year --------------------------------------------
say "export --jsonl over 10,000 cells x 1 year"
mapfile -t c10k < <(cd "$data/c10000y1" && ls -d cell-*)
(cd "$data/c10000y1" && "$bin" export --jsonl "${c10k[@]}" >"$work/export.jsonl")
meetings=$(wc -l <"$work/export.jsonl")
bench export "$data/c10000y1" --warmup 1 --runs 3 \
    --command-name "export --jsonl, 10,000 cells x 1 year" \
    "$(script export "$bin" export --jsonl 'cell-*')"
cat_list cat_export "$data/c10000y1" "$work/c10k.files"
mem_export=$(peak_kb "$data/c10000y1" "$bin" export --jsonl "${c10k[@]}")

# --- 4. the floor: what the parsers alone cost, on one core -----------------------------------
say "the parsers alone (one core): the export's meeting files, the provinces' reports"
grep '/meetings/' "$work/c10k.files" | sed "s|^|$data/c10000y1/|" >"$work/c10k.meetings"
floor_toml=$("$floor" toml "$work/c10k.meetings")
floor_json=$("$floor" json "${provinces[@]}")
echo "toml: $floor_toml" >&2
echo "json: $floor_json" >&2

# --- RESULTS.md -------------------------------------------------------------------------------
say "writing $results"
export work results nat_files nat_bytes mem_flat mem_flat_summary mem_nation mem_export meetings exact
export floor_toml floor_json
export elapsed=$(($(date +%s) - start_all))
export sizes="$(du -b "$work/out-flat.json" "$work/out-flat-summary.json" "$work/out-nation.json" | awk '{printf "%s=%s ", $2, $1}')"
export dsize=$(cat "${districts[@]}" | wc -c) psize=$(cat "${provinces[@]}" | wc -c)
export commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo '+local changes')"
export load="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - <<'PY'
import json, os
env = os.environ
work = env["work"]
def runs(name):
    with open(os.path.join(work, name + ".json")) as f:
        return json.load(f)["results"]
def ms(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
def yes(ok):
    return "yes" if ok else "**no**"
def mb(kb):
    return int(kb or 0) / 1024
rows = []
def row(figure, r, cat, target, ok, extra=""):
    ratio = r["mean"] / cat["mean"]
    rows.append(f"| {figure} | {ms(r['mean'])} ± {ms(r['stddev'])} (CPU {r['user'] + r['system']:.1f} s){extra} "
                f"| {ms(cat['mean'])} | {ratio:.1f}× | {target} | {yes(ok) if target else ''} |")
flat, flat_s = runs("flat")
(cat_flat,) = runs("cat_flat")
(prov,) = runs("province")
(nation,) = runs("nation")
(cat_p,) = runs("cat_province")
(cat_n,) = runs("cat_nation")
(exp,) = runs("export")
(cat_e,) = runs("cat_export")
m = int(env["meetings"])
row("flat roll-up, 100,000 cells (`--format json`)", flat, cat_flat, "< 15 s", flat["mean"] < 15)
row("flat roll-up, 100,000 cells (`--format json --summary-only`)", flat_s, cat_flat, "< 15 s", flat_s["mean"] < 15)
row("1,000 district reports (100 cells each) into a province", prov, cat_p, "< 1 s", prov["mean"] < 1)
row("60 province reports into the nation", nation, cat_n, "< 0.2 s", nation["mean"] < 0.2)
rate = m / exp["mean"]
row(f"`export --jsonl`, 10,000 cells × 1 year ({m:,} meetings)", exp, cat_e, "≥ 100,000 meetings/s", rate >= 100000,
    f"; {rate:,.0f} meetings/s")
mem = [
    f"| flat roll-up, 100,000 cells, `--format json` | {mb(env['mem_flat']):.0f} MB | < 64 MB | {yes(mb(env['mem_flat']) < 64)} |",
    f"| flat roll-up, 100,000 cells, `--summary-only` | {mb(env['mem_flat_summary']):.0f} MB | < 64 MB | {yes(mb(env['mem_flat_summary']) < 64)} |",
    f"| 60 province reports into the nation | {mb(env['mem_nation']):.0f} MB |  |  |",
    f"| `export --jsonl`, 10,000 cells × 1 year | {mb(env['mem_export']):.0f} MB |  |  |",
]
def kv(line):
    return {k: float(v) for k, v in (p.split("=") for p in line.split())}
ft, fj = kv(env["floor_toml"]), kv(env["floor_json"])
per_file = ft["typed_s"] / ft["files"]
floors = [
    f"| a meeting file into the model (`toml::from_str::<Meeting>`) | {per_file * 1e6:.1f} µs a file, "
    f"{ft['bytes'] / ft['typed_s'] / 1e6:.0f} MB/s (`toml`'s own table: {ft['table_s'] / ft['files'] * 1e6:.1f} µs); "
    f"reading it: {ft['read_s'] / ft['files'] * 1e6:.1f} µs |",
    f"| `export --jsonl` over {int(ft['files']):,} meetings: reading and parsing alone, halved for 2 cores | "
    f"{(ft['read_s'] + ft['typed_s']) / 2:.2f} s, {2 * ft['files'] / (ft['read_s'] + ft['typed_s']):,.0f} meetings/s "
    f"(target ≥ 100,000/s: at most {ft['files'] / 100000:.2f} s) |",
    f"| the flat roll-up's 400,000 meeting files: parsing alone, halved for 2 cores | "
    f"{400000 * per_file / 2:.1f} s, before the 200,000 settings and roster files and the reading (target < 15 s) |",
    f"| the 60 province reports ({fj['bytes'] / 1e6:.0f} MB, {int(fj['cells']):,} cells): parsing into the model and writing "
    f"the lines again, halved for 2 cores | {(fj['parse_s'] + fj['write_s']) / 2 * 1000:.0f} ms "
    f"(parse {fj['parse_s'] * 1000:.0f} ms, write {fj['write_s'] * 1000:.0f} ms on one core; target < 200 ms) |",
]
text = f"""<!-- national.sh:begin (everything down to national.sh:end is rewritten by benches/national.sh) -->
### National scale (issue 16): figures

Measured by `benches/national.sh` at commit {env['commit']} (load average at the end {env['load']};
the load average shows whether other work shared the 2 cores). The flat roll-up reads {int(env['nat_files']):,}
files ({int(env['nat_bytes']) / 1e6:,.0f} MB). `cat` is `xargs cat` of exactly the files the command
reads (the ledgers' `cellbook.toml`, `members.toml` and the period's meeting files, or the JSON
reports); the ratio is the command's time ÷ `cat`'s. District reports: {int(env['dsize']) / 1e6:.0f} MB
in all; province reports: {int(env['psize']) / 1e6:.0f} MB. Output sizes: {env['sizes'].replace(work + '/', '')}.
The nation's report from the 60 provinces equals the flat summary roll-up of the 100,000 cells:
{env['exact']}. This run took {int(env['elapsed']) // 60} min {int(env['elapsed']) % 60} s.

| figure | time | `cat` of the same files | ratio | target | met |
|---|---|---|---|---|---|
""" + "\n".join(rows) + """

| peak memory | result | target | met |
|---|---|---|---|
""" + "\n".join(mem) + """

What the parsers alone cost (`examples/parse_floor.rs`, one thread, the same files; a floor no
change to cellbook's own code goes below while every file is parsed):

| what | cost |
|---|---|
""" + "\n".join(floors) + """
<!-- national.sh:end -->"""
path = env["results"]
old = open(path).read()
begin = old.find("<!-- national.sh:begin")
end = old.find("<!-- national.sh:end -->")
if begin < 0 or end < 0:
    new = old.rstrip() + "\n\n" + text + "\n"
else:
    new = old[:begin] + text + old[end + len("<!-- national.sh:end -->"):]
open(path, "w").write(new)
print("\n".join(rows + mem + floors))
PY
say "done in $(($(date +%s) - start_all)) s; see $results"
