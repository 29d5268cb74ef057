#!/usr/bin/env bash
# Fuzzing of the workbook reader with libFuzzer (swiftc -sanitize=fuzzer,address): builds a target from
# the SpreadsheetKit sources plus a harness in fuzz/, and runs it for a given time on a seed corpus made
# from Tests/Fixtures/workbook and Tests/Fixtures/hostile. Crashes, leaks, out-of-memory and hangs are
# minimised and copied to Tests/Fixtures/hostile/fuzz-<kind>-<hash>.xlsx (as a workbook, whatever the
# target), to become regression tests in Tests/JuesuanCLITests/HostileInputTests.swift.
# Run by hand (conventions §8), never in CI; state each run in bench/RESULTS.md.
#
# Usage: fuzz/run.sh [SECONDS=600] [TARGET=parts|zip]
#   zip    the input is the .xlsx file itself (container and compressed parts)
#   parts  structure-aware: the input is a list of parts ("\n@@NAME\nCONTENT" …) that the harness packs
#          into a stored ZIP with correct CRCs, so mutations reach the XML; with an OOXML dictionary
# Work files (binaries, corpora, artefacts, logs) go to fuzz/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-600}
target=${2:-parts}
case "$target" in zip) harness=fuzz/ReaderFuzzer.swift ;; parts) harness=fuzz/PartsFuzzer.swift ;;
    *) echo "usage: fuzz/run.sh [SECONDS] [parts|zip]" >&2; exit 64 ;; esac
out=$root/fuzz/out
mkdir -p "$out/corpus-$target" "$out/artifacts-$target"

if ! command -v pkg-config >/dev/null || ! pkg-config --exists libzip libxml-2.0 xlsxwriter freexl; then
    apt-get update -qq && apt-get install -y -qq pkg-config libzip-dev libxml2-dev libxlsxwriter-dev libfreexl-dev >/dev/null
fi

# --- build -----------------------------------------------------------------------------------
bin=$out/fuzz-$target
sources=$(find Sources/SpreadsheetKit -name '*.swift' | sort)
if [ ! -x "$bin" ] || [ -n "$(find Sources/SpreadsheetKit fuzz -newer "$bin" -name '*.swift' | head -1)" ]; then
    echo "building $bin" >&2
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -enforce-exclusivity=unchecked \
        -module-name SpreadsheetKit $sources fuzz/FuzzSupport.swift "$harness" \
        -I Sources/CZip -I Sources/CLibXML2 -I Sources/CXlsxWriter -I Sources/CFreeXL \
        $(pkg-config --cflags-only-I libxml-2.0 libzip xlsxwriter freexl | sed 's/-I/-Xcc -I/g') \
        $(pkg-config --libs libzip libxml-2.0 xlsxwriter freexl) \
        -o "$bin" >"$out/build-$target.log" 2>&1 || { cat "$out/build-$target.log" >&2; exit 1; }
fi

# --- seed corpus -----------------------------------------------------------------------------
seeds=$out/seeds-$target
rm -rf "$seeds"; mkdir -p "$seeds"
python3 - "$target" "$seeds" Tests/Fixtures/workbook Tests/Fixtures/hostile <<'PY'
import os, sys, zipfile
target, seeds, folders = sys.argv[1], sys.argv[2], sys.argv[3:]
for folder in folders:
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not name.endswith((".xlsx", ".xls")) or os.path.getsize(path) > 262144:
            continue  # the 2 MB zip bombs are left out: the hostile tests cover them
        raw = open(path, "rb").read()
        try:
            with zipfile.ZipFile(path) as z:
                entries = [(i.filename, z.read(i)) for i in z.infolist()]
        except Exception:
            entries = None
        if target == "zip":
            open(os.path.join(seeds, name), "wb").write(raw)
            if entries:  # stored entries: byte mutations then land in the XML (read before the CRC check)
                with zipfile.ZipFile(os.path.join(seeds, "stored-" + name), "w", zipfile.ZIP_STORED) as out:
                    for filename, data in entries:
                        out.writestr(filename, data)
        elif entries:
            blob = b"".join(b"\n@@" + f.encode() + b"\n" + d for f, d in entries)
            open(os.path.join(seeds, name + ".parts"), "wb").write(blob)
PY

# --- run -------------------------------------------------------------------------------------
dict=()
[ "$target" = parts ] && dict=(-dict="$root/fuzz/ooxml.dict")
echo "fuzzing '$target' for ${seconds}s; log in $out/fuzz-$target.log" >&2
set +e
(cd "$out" && ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$bin" "$out/corpus-$target" "$seeds" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -artifact_prefix="$out/artifacts-$target/" -print_final_stats=1 >"$out/fuzz-$target.log" 2>&1)
status=$?
set -e
grep -E "^stat::|ERROR|SUMMARY|^#[0-9]+ +DONE" "$out/fuzz-$target.log" | tail -20 >&2 || true

# --- minimise what was found into fixtures (as .xlsx files, whatever the target) ------------------
found=0
for a in "$out/artifacts-$target"/crash-* "$out/artifacts-$target"/timeout-* "$out/artifacts-$target"/leak-* "$out/artifacts-$target"/oom-*; do
    [ -f "$a" ] || continue
    case "$a" in *.min|*.xlsx) continue ;; esac
    found=$((found + 1))
    kind=$(basename "$a" | cut -d- -f1)
    min="$a.min"
    (cd "$out" && "$bin" -minimize_crash=1 -max_total_time=120 -timeout=10 -exact_artifact_path="$min" "$a" >/dev/null 2>&1) || true
    [ -s "$min" ] || cp "$a" "$min"
    xlsx="$a.xlsx"
    if [ "$target" = parts ]; then
        python3 - "$min" "$xlsx" <<'PY'
import sys, zipfile
data = open(sys.argv[1], "rb").read()
chunks = data.split(b"\n@@")[1:]
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as z:
    for c in chunks[:64]:
        name, _, content = c.partition(b"\n")
        z.writestr(name.decode("utf-8", "replace") or "_", content)
PY
    else
        cp "$min" "$xlsx"
    fi
    dest=Tests/Fixtures/hostile/fuzz-$kind-$(sha1sum "$xlsx" | cut -c1-8).xlsx
    cp "$xlsx" "$dest"
    echo "found: $a → $dest" >&2
done
echo "fuzz '$target' status $status; $found artefact(s)" >&2
