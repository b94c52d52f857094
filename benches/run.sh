#!/usr/bin/env bash
# Whole-command benchmarks of cellbook on generated ledgers, written to benches/RESULTS.md.
#
#   benches/run.sh
#
# Builds the release binary and the generator, installs hyperfine (and GNU time) if missing,
# generates the ledgers once (kept in $CELLBOOK_BENCH_DATA, default /tmp/cellbook-bench, and
# reused while the generator is unchanged), times every figure of issue 7 with hyperfine,
# measures peak memory with /usr/bin/time, and rewrites the part of benches/RESULTS.md between
# the `run.sh` markers (the notes around it are kept). About 5 minutes on 2 cores the first time.
#
# The pure core has its own benchmarks: `cargo bench --bench core`.
#
# The national-scale figures of issue 16 (100,000 cells, roll-ups of roll-ups, export --jsonl)
# are in benches/national.sh, which this script runs at its end; `benches/run.sh national` runs
# only them.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = national ]; then exec "$here/national.sh"; fi
root=$(dirname "$here")
cd "$root"
data=${CELLBOOK_BENCH_DATA:-/tmp/cellbook-bench}
results=$here/RESULTS.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start_all=$(date +%s)

say() { printf '\n== %s\n' "$*" >&2; }

# --- tools ----------------------------------------------------------------------------------
apt_updated=
apt_install() {
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if [ -z "$apt_updated" ]; then
        $sudo apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
if ! command -v hyperfine >/dev/null; then
    say "installing hyperfine"
    if command -v apt-get >/dev/null; then apt_install hyperfine; else cargo install --locked hyperfine; fi
fi
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time"
    apt_install time
fi
if ! python3 -c 'import tomllib' 2>/dev/null; then
    say "installing python3 (3.11 or later, for tomllib)"
    apt_install python3
fi

# --- build ----------------------------------------------------------------------------------
say "building (release)"
cargo build --release --locked --bin cellbook --example gen_ledger
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
bin=$target/release/cellbook
gen=$target/release/examples/gen_ledger

# --- data -----------------------------------------------------------------------------------
# A data set is regenerated when its parameters or the generator's source change.
gen_hash=$(cat examples/gen_ledger/*.rs | sha256sum | cut -c1-16)
dataset() { # NAME CELLS YEARS SEED
    local dir=$data/$1 stamp="cells=$2 years=$3 seed=$4 generator=$gen_hash"
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "generating $1: $2 cells x $3 years"
        rm -rf "$dir"
        mkdir -p "$data"
        "$gen" --cells "$2" --years "$3" --seed "$4" "$dir" >&2
        echo "$stamp" >"$dir/.stamp"
    fi
}
dataset one-1y 1 1 3
dataset one-20y 1 20 3
dataset c1000y10 1000 10 1
dataset c10000y1 10000 1 2

cells() { # DIR [N]: the first N ledgers of a data set, as relative paths
    local all
    all=("$data/$1"/cell-*)
    all=("${all[@]##*/}")
    echo "${all[@]:0:${2:-${#all[@]}}}"
}
big=$(cells c1000y10)
all10k=$(cells c10000y1)
first1k=$(cells c10000y1 1000)
quarter=2024-Q3
export NO_COLOR=1
gen_today=2025-06-30    # after the generated history (which ends in 2024): every meeting is past
example_today=2020-11-28 # the example ledger's own "today" (docs/ledger-format.md §13)

# Every command must succeed before it is timed: a benchmark of an error is no benchmark.
must() { # DIR TODAY CMD...
    local dir=$1 today=$2
    shift 2
    if ! (cd "$dir" && CELLBOOK_TODAY=$today "$@" >"$work/out" 2>"$work/err"); then
        echo "run.sh: failed in $dir: $*" | cut -c1-300 >&2
        head -20 "$work/err" >&2
        exit 1
    fi
}
# hyperfine with no shell (-N: the 10,000-cell command line is long), run from DIR.
bench() { # NAME DIR TODAY HYPERFINE-ARGS...
    local name=$1 dir=$2 today=$3
    shift 3
    (cd "$dir" && CELLBOOK_TODAY=$today hyperfine -N --style basic --export-json "$work/$name.json" "$@" >&2)
}
peak_kb() { # DIR TODAY CMD...: maximum resident set size in KB
    local dir=$1 today=$2
    shift 2
    (cd "$dir" && CELLBOOK_TODAY=$today /usr/bin/time -v "$@" >/dev/null 2>"$work/time") || true
    sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time"
}

# --- 1. report --quarter: 1 year vs 20 years of history --------------------------------------
say "report --quarter on one cell: 1 year vs 20 years"
for d in one-1y one-20y; do must "$data" $gen_today "$bin" -L "$d/cell-00001" report --quarter $quarter; done
bench history "$data" $gen_today --warmup 10 --runs 100 \
    "$bin -L one-1y/cell-00001 report --quarter $quarter" \
    "$bin -L one-20y/cell-00001 report --quarter $quarter"

# --- 2. check over 1,000 cells x 10 years, and the Python tomllib baseline --------------------
say "check over 1,000 cells x 10 years"
must "$data/c1000y10" $gen_today "$bin" check $big
grep -q . "$work/err" && { echo "run.sh: check reported problems on generated ledgers:" >&2; head "$work/err" >&2; exit 1; }
bench check "$data/c1000y10" $gen_today --warmup 1 --runs 3 "$bin check $big"
say "Python tomllib baseline over the same files (one run: it takes a minute)"
must "$data/c1000y10" $gen_today python3 "$here/parse_baseline.py" cell-00001
bench baseline "$data/c1000y10" $gen_today --runs 1 "python3 $here/parse_baseline.py $big"
files_big=$(find "$data/c1000y10" -name '*.toml' -path '*/meetings/*' | wc -l)

# --- 3. a quarter's roll-up over 1,000 and 10,000 cells ---------------------------------------
say "quarter roll-up over 1,000 and 10,000 cells"
must "$data/c10000y1" $gen_today "$bin" report --quarter $quarter --format json $all10k
bench rollup "$data/c10000y1" $gen_today --warmup 1 --runs 5 \
    "$bin report --quarter $quarter --format json $first1k" \
    "$bin report --quarter $quarter --format json $all10k" \
    "$bin report --quarter $quarter $all10k"
bench rollup_history "$data/c1000y10" $gen_today --warmup 1 --runs 5 \
    "$bin report --quarter $quarter --format json $big"

# --- 4. every single-cell command on the example ledger ---------------------------------------
say "single-cell commands on examples/thuan-bac"
example=$root/examples/thuan-bac
singles=(
    "list"
    "show 2020-07-09"
    "check"
    "report --quarter 2020-Q3"
    "report --year 2020"
    "report --quarter 2020-Q3 --format html"
    "minutes 2020-07-09"
    "member list"
    "action list"
    "rubric list"
    "rubric show hd42-2025"
    "spec"
)
# Commands added since this script was written are timed too, when they only read.
for extra in "status" "export --format ics"; do
    if (cd "$example" && CELLBOOK_TODAY=$example_today "$bin" $extra >/dev/null 2>&1); then singles+=("$extra"); fi
done
cmds=()
for c in "${singles[@]}"; do
    must "$example" $example_today "$bin" $c
    cmds+=("$bin $c")
done
bench singles "$example" $example_today --warmup 5 --runs 50 "${cmds[@]}"

# --- 5. peak memory ---------------------------------------------------------------------------
say "peak memory"
mem_rollup_json=$(peak_kb "$data/c10000y1" $gen_today "$bin" report --quarter $quarter --format json $all10k)
mem_rollup_table=$(peak_kb "$data/c10000y1" $gen_today "$bin" report --quarter $quarter $all10k)
mem_rollup_csv=$(peak_kb "$data/c10000y1" $gen_today "$bin" report --quarter $quarter --format csv $all10k)
mem_check=$(peak_kb "$data/c1000y10" $gen_today "$bin" check $big)
mem_single=$(peak_kb "$example" $example_today "$bin" report --quarter 2020-Q3)

# --- 6. RESULTS.md ----------------------------------------------------------------------------
say "writing $results"
elapsed=$(($(date +%s) - start_all))
export work results files_big elapsed mem_rollup_json mem_rollup_table mem_rollup_csv mem_check mem_single
export cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
export cores="$(nproc)"
export memory="$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
export os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
export rustc="$(rustc --version)"
export hf="$(hyperfine --version)"
export py="$(python3 --version)"
export commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo '+local changes')"
export load="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - <<'PY'
import json, os, re

work = os.environ["work"]
def runs(name):
    with open(os.path.join(work, name + ".json")) as f:
        return json.load(f)["results"]

def ms(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"

def yes(ok):
    return "yes" if ok else "**no**"

rows = []
def row(figure, result, target, ok):
    rows.append(f"| {figure} | {result} | {target} | {yes(ok) if target else ''} |")

h1, h20 = runs("history")
ratio = h20["mean"] / h1["mean"]
row("`report --quarter`, one cell, 1 year of history", ms(h1["mean"]) + f" ± {ms(h1['stddev'])}", "", True)
row("`report --quarter`, one cell, 20 years of history", ms(h20["mean"]) + f" ± {ms(h20['stddev'])}", "", True)
row("ratio 20 years ÷ 1 year", f"{ratio:.2f}", "< 1.2", ratio < 1.2)

(chk,) = runs("check")
(base,) = runs("baseline")
files = int(os.environ["files_big"])
speedup = base["mean"] / chk["mean"]
row(f"`check` over 1,000 cells × 10 years ({files:,} meeting files)",
    f"{ms(chk['mean'])} ± {ms(chk['stddev'])} (CPU {chk['user'] + chk['system']:.1f} s)", "< 10 s", chk["mean"] < 10)
row("Python `tomllib`, only parsing the same files (benches/parse_baseline.py)",
    f"{ms(base['mean'])} (CPU {base['user'] + base['system']:.1f} s, one core)", "", True)
row("speed-up of `check` over the baseline", f"{speedup:.1f}×", "≥ 5×", speedup >= 5)

r1k, r10k, r10k_table = runs("rollup")
(rhist,) = runs("rollup_history")
lin = r10k["mean"] / r1k["mean"]
row("quarter roll-up (`--format json`), 1,000 cells", f"{ms(r1k['mean'])} ± {ms(r1k['stddev'])}", "< 0.5 s", r1k["mean"] < 0.5)
row("quarter roll-up (`--format json`), 10,000 cells", f"{ms(r10k['mean'])} ± {ms(r10k['stddev'])}", "< 5 s", r10k["mean"] < 5)
row("growth 10,000 ÷ 1,000 cells", f"{lin:.1f}×", "linear (≈ 10×)", lin <= 12)
row("quarter roll-up, 10,000 cells, default `--format table`", f"{ms(r10k_table['mean'])} ± {ms(r10k_table['stddev'])}", "< 5 s", r10k_table["mean"] < 5)
row("quarter roll-up (`--format json`), 1,000 cells with 10 years of history each", f"{ms(rhist['mean'])} ± {ms(rhist['stddev'])}", "≈ 1,000 cells × 1 year", rhist["mean"] < 2 * r1k["mean"])

def kb(name):
    v = os.environ.get(name) or "0"
    return int(v) / 1024
mj, mt, mc = kb("mem_rollup_json"), kb("mem_rollup_table"), kb("mem_rollup_csv")
row("peak memory, roll-up of 10,000 cells, `--format json`", f"{mj:.0f} MB", "< 64 MB", mj < 64)
row("peak memory, roll-up of 10,000 cells, `--format csv`", f"{mc:.0f} MB", "< 64 MB", mc < 64)
row("peak memory, roll-up of 10,000 cells, default `--format table`", f"{mt:.0f} MB", "< 64 MB", mt < 64)
row("peak memory, `check` over 1,000 cells × 10 years", f"{kb('mem_check'):.0f} MB", "", True)

singles = []
for r in runs("singles"):
    cmd = re.sub(r"^\S*/cellbook ", "cellbook ", r["command"])
    singles.append(f"| `{cmd}` | {ms(r['mean'])} ± {ms(r['stddev'])} | {ms(r['max'])} | < 10 ms | {yes(r['mean'] < 0.010)} |")

env = os.environ
text = f"""<!-- run.sh:begin (everything down to run.sh:end is rewritten by benches/run.sh) -->
## Figures

Measured by `benches/run.sh` on {env['cores']} cores ({env['cpu']}, {env['memory']}, {env['os']}),
{env['rustc']}, {env['hf']}, {env['py']}, at commit {env['commit']} (load average at the end
{env['load']}). Times are hyperfine means ± standard deviation, wall clock; CPU is user + system
time. This run of the script took {int(env['elapsed']) // 60} min {int(env['elapsed']) % 60} s.

| figure | result | target | met |
|---|---|---|---|
""" + "\n".join(rows) + f"""

Every single-cell command on the example ledger (`examples/thuan-bac`, 4 meetings, 11 members;
peak memory of `report --quarter` {kb('mem_single'):.0f} MB):

| command | mean | slowest | target | met |
|---|---|---|---|---|
""" + "\n".join(singles) + """
<!-- run.sh:end -->"""

path = env["results"]
old = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n<!-- run.sh:begin -->\n<!-- run.sh:end -->\n"
begin = old.find("<!-- run.sh:begin")
end = old.find("<!-- run.sh:end -->")
if begin < 0 or end < 0:
    new = old.rstrip() + "\n\n" + text + "\n"
else:
    new = old[:begin] + text + old[end + len("<!-- run.sh:end -->"):]
open(path, "w").write(new)
print("\n".join(rows))
PY
say "done in $(($(date +%s) - start_all)) s; see $results"
"$here/national.sh"
