#!/usr/bin/env bash
# Juesuan side by side with the tools users would pick instead, in ONE run on this machine
# (conventions §8: run by hand, results in bench/RESULTS.md). Safe to run twice.
#
#   READ   the 200,000 × 10 sheet: `juesuan dump` vs python-calamine vs openpyxl (read-only) vs the
#          C floor (bench/c/read_floor.c: libzip + libxml2 SAX2 push parser, the same walk, no Swift);
#          peak memory of each, and of `juesuan dump` on 50,000 and 200,000 rows (flat in rows?)
#   WRITE  the same data: Juesuan's writer (`juesuan-bench write`, standard and constant-memory) vs
#          Python XlsxWriter (standard, constant_memory) vs openpyxl write-only vs the C floor
#          (bench/c/write_floor.c over libxlsxwriter, standard and constant-memory)
#   REPORT a 10-table report imported, checked and exported in-process (`juesuan-bench report`)
#   BATCH  `juesuan batch convert` of 1,000 copies of a sample workbook with --jobs 2
#   HOSTILE each file of Tests/Fixtures/hostile through `juesuan dump`: time and peak memory
#
# Usage: bench/compare.sh [--quick] [--only read,write,report,batch,hostile]
#   --quick: fewer runs, for trying the script; --only: run these parts again, keeping the other parts'
#   raw results from the previous run (bench/out/raw), e.g. after the machine was busy during one part
# Generated fixtures and raw results go to bench/out/ (git-ignored); bench/report.py then rewrites the
# generated part of bench/RESULTS.md (between its markers), keeping the notes around it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/out
mkdir -p "$out/bin" "$out/raw"
runs=5; slow_runs=2; only=""
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) runs=2; slow_runs=1 ;;
        --only) only=$2; shift ;;
        *) echo "usage: bench/compare.sh [--quick] [--only read,write,report,batch,hostile]" >&2; exit 64 ;;
    esac
    shift
done
want() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }

# --- what the script needs -------------------------------------------------------------------
need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[ -x /usr/bin/time ] || need_apt+=(time)
command -v cc >/dev/null || need_apt+=(gcc)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
for p in libzip-dev libxml2-dev libxlsxwriter-dev libfreexl-dev python3-pip; do
    dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python3 -c "import python_calamine, openpyxl, xlsxwriter" 2>/dev/null \
    || pip install -q --break-system-packages python-calamine openpyxl XlsxWriter 2>/dev/null \
    || pip install -q python-calamine openpyxl XlsxWriter

# --- build -----------------------------------------------------------------------------------
echo "== building (release, .build-bench) and the C floors" >&2
swift build -c release --scratch-path .build-bench >"$out/raw/build.log" 2>&1 || { tail -30 "$out/raw/build.log" >&2; exit 1; }
bin=$root/.build-bench/release
cc -O2 -o "$out/bin/read_floor" bench/c/read_floor.c $(pkg-config --cflags --libs libzip libxml-2.0)
cc -O2 -o "$out/bin/write_floor" bench/c/write_floor.c $(pkg-config --cflags --libs xlsxwriter)

# --- fixtures (generated, never committed) ---------------------------------------------------
sheet=$out/bench-200k.xlsx
[ -s "$sheet" ] || python3 bench/make_bench_sheet.py "$sheet" 200000
[ -s "$out/bench-50k.xlsx" ] || python3 bench/make_bench_sheet.py "$out/bench-50k.xlsx" 50000
sample=SampleWorkbooks/zezhou-2024-gk10.xlsx
batch_in=$out/batch-in
if [ "$(find "$batch_in" -name '*.xlsx' 2>/dev/null | wc -l)" -ne 1000 ]; then
    rm -rf "$batch_in"; mkdir -p "$batch_in"
    for i in $(seq -w 1 1000); do cp "$sample" "$batch_in/dept-$i.xlsx"; done
fi
# The C floor walks the sheet exactly as `juesuan dump` does: same tsv, byte for byte.
"$out/bin/read_floor" "$sheet" >"$out/raw/floor.tsv"
"$bin/juesuan" dump "$sheet" >"$out/raw/juesuan.tsv"
cmp -s "$out/raw/floor.tsv" "$out/raw/juesuan.tsv" || { echo "read_floor and juesuan dump disagree" >&2; exit 1; }
rm -f "$out/raw/floor.tsv" "$out/raw/juesuan.tsv"
# Scratch outputs of the writers: a RAM disk where there is one, so the disks' fsync noise stays out
# (Juesuan's writer fsyncs its output before the atomic rename; the others do not).
scratch=/dev/shm/juesuan-bench
mkdir -p "$scratch" 2>/dev/null || scratch=$out/scratch
mkdir -p "$scratch"

hf() { # name, runs, commands…
    local name=$1 n=$2; shift 2
    hyperfine --style basic --warmup 1 --runs "$n" --export-json "$out/raw/$name.json" "$@" >&2
}
peak() { # name, command… → peak RSS (kB) and wall time into raw/peak-NAME.txt
    local name=$1; shift
    /usr/bin/time -v "$@" >/dev/null 2>"$out/raw/peak-$name.txt" || true
}

# --- read ------------------------------------------------------------------------------------
if want read; then
echo "== read 200,000 × 10" >&2
hf read "$runs" -n "juesuan dump" "$bin/juesuan dump $sheet" \
    -n "C floor (libzip + libxml2 SAX2)" "$out/bin/read_floor $sheet" \
    -n "python-calamine" "python3 bench/read_python.py calamine $sheet"
hf read-openpyxl "$slow_runs" -n "openpyxl read-only" "python3 bench/read_python.py openpyxl $sheet"
peak read-juesuan "$bin/juesuan" dump "$sheet"
peak read-juesuan-50k "$bin/juesuan" dump "$out/bench-50k.xlsx"
peak read-floor "$out/bin/read_floor" "$sheet"
peak read-calamine python3 bench/read_python.py calamine "$sheet"
peak read-openpyxl python3 bench/read_python.py openpyxl "$sheet"
"$bin/juesuan-bench" read "$sheet" "$runs" >"$out/raw/read-inprocess.txt"

fi

# --- write -----------------------------------------------------------------------------------
if want write; then
echo "== write 200,000 × 10" >&2
hf write "$runs" -n "juesuan writer (standard)" "$bin/juesuan-bench write $scratch/j-std.xlsx standard" \
    -n "juesuan writer (constant-memory)" "$bin/juesuan-bench write $scratch/j-cm.xlsx constant" \
    -n "C floor libxlsxwriter (standard)" "$out/bin/write_floor $scratch/c-std.xlsx standard" \
    -n "C floor libxlsxwriter (constant-memory)" "$out/bin/write_floor $scratch/c-cm.xlsx constant"
hf write-python "$slow_runs" -n "Python XlsxWriter" "python3 bench/write_python.py xlsxwriter $scratch/p-std.xlsx" \
    -n "Python XlsxWriter (constant_memory)" "python3 bench/write_python.py xlsxwriter-constant $scratch/p-cm.xlsx" \
    -n "openpyxl write-only" "python3 bench/write_python.py openpyxl $scratch/o.xlsx"
hf write-disk "$slow_runs" -n "juesuan writer (constant-memory, to disk: fsync)" "$bin/juesuan-bench write $out/j-cm-disk.xlsx constant"
peak write-juesuan-std "$bin/juesuan-bench" write "$scratch/j-std.xlsx" standard
peak write-juesuan-cm "$bin/juesuan-bench" write "$scratch/j-cm.xlsx" constant
peak write-floor-std "$out/bin/write_floor" "$scratch/c-std.xlsx" standard
peak write-floor-cm "$out/bin/write_floor" "$scratch/c-cm.xlsx" constant
peak write-xlsxwriter python3 bench/write_python.py xlsxwriter "$scratch/p-std.xlsx"
peak write-openpyxl python3 bench/write_python.py openpyxl "$scratch/o.xlsx"
# All writers wrote the same cells.
ref=$("$bin/juesuan" dump "$scratch/c-std.xlsx" | md5sum)
for f in j-std j-cm c-cm p-std p-cm o; do
    [ "$("$bin/juesuan" dump "$scratch/$f.xlsx" | md5sum)" = "$ref" ] || { echo "$f.xlsx differs from the C floor's" >&2; exit 1; }
done

fi

# --- report: import + check + export in-process ----------------------------------------------
if want report; then
echo "== 10-table report, in-process" >&2
TMPDIR=$scratch "$bin/juesuan-bench" report "$sample" 300 >"$out/raw/report.txt"
TMPDIR=$out "$bin/juesuan-bench" report "$sample" 100 >"$out/raw/report-disk.txt"

fi

# --- batch convert 1,000 workbooks, 2 jobs ----------------------------------------------------
if want batch; then
echo "== batch convert 1,000 workbooks, --jobs 2" >&2
hf batch "$slow_runs" --prepare "rm -rf $out/batch-out" \
    -n "juesuan batch convert (1,000 files, 2 jobs, to disk)" \
    "$bin/juesuan batch convert $batch_in --to gk10-2024 --out $out/batch-out --jobs 2"
hf batch-ram "$slow_runs" --prepare "rm -rf $scratch/batch-out" \
    -n "juesuan batch convert (1,000 files, 2 jobs, to RAM disk)" \
    "$bin/juesuan batch convert $batch_in --to gk10-2024 --out $scratch/batch-out --jobs 2"
peak batch "$bin/juesuan" batch convert "$batch_in" --to gk10-2024 --out "$scratch/batch-peak" --jobs 2 --force

fi

# --- hostile files: each refused promptly, with bounded memory --------------------------------
if want hostile; then
echo "== hostile inputs" >&2
: >"$out/raw/hostile.tsv"
for f in Tests/Fixtures/hostile/*.xlsx Tests/Fixtures/hostile/*.xls; do
    [ -f "$f" ] || continue
    /usr/bin/time -f "%e\t%M\t%x" -o "$out/raw/hostile-one.txt" "$bin/juesuan" dump "$f" >/dev/null 2>&1 || true
    printf '%s\t%s\n' "$(basename "$f")" "$(tail -1 "$out/raw/hostile-one.txt")" >>"$out/raw/hostile.tsv"
done

fi

# --- machine and versions ----------------------------------------------------------------------
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
    echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "os: $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "load average before the run: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)${only:+ (parts run again: $only)}"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "python: $(python3 --version 2>&1 | cut -d' ' -f2)"
    echo "python-calamine: $(python3 -c 'import importlib.metadata as m; print(m.version("python-calamine"))')"
    echo "openpyxl: $(python3 -c 'import openpyxl; print(openpyxl.__version__)')"
    echo "XlsxWriter: $(python3 -c 'import xlsxwriter; print(xlsxwriter.__version__)')"
    echo "libxlsxwriter: $(dpkg-query -W -f '${Version}' libxlsxwriter-dev)"
    echo "libxml2: $(pkg-config --modversion libxml-2.0)"
    echo "libzip: $(pkg-config --modversion libzip)"
    echo "zlib: $(dpkg-query -W -f '${Version}' zlib1g 2>/dev/null)"
    echo "hyperfine: $(hyperfine --version | cut -d' ' -f2)"
    echo "cc: $(cc --version | head -1)"
    echo "juesuan: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo '+local changes')"
} >"$out/raw/machine.txt"

rm -rf "$scratch"   # the writers' outputs (hundreds of MB on the RAM disk)
python3 bench/report.py "$out/raw" bench/RESULTS.md
echo "== done: bench/RESULTS.md" >&2
