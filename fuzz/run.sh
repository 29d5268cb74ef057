#!/usr/bin/env bash
# Fuzzing with libFuzzer (swiftc -sanitize=fuzzer,address). Each target is built from the package's
# sources plus a harness in fuzz/, and runs for a given time on a seed corpus made from the fixtures.
# Crashes, leaks, out-of-memory and hangs are minimised and copied to
# Tests/Fixtures/hostile/fuzz-regressions/<target>-<kind>-<hash>.<ext> (.xlsx for the workbook
# targets, .yaml for the mapping target), to become regression tests with the fix.
# Run by hand (conventions §8), never in CI; state each run in bench/RESULTS.md (fuzzing section).
#
# Usage: fuzz/run.sh [SECONDS=600] [TARGET=parts|zip|mapping|import|all]
#   zip      the input is the .xlsx file itself (container and compressed parts)          — SpreadsheetKit
#   parts    structure-aware: the input is a list of parts ("\n@@NAME\nCONTENT" …) that the harness
#            packs into a stored ZIP with correct CRCs, so mutations reach the XML; OOXML dictionary
#   mapping  the text of a mapping file, read by MappingLoader and FormMappingLoader     — JuesuanCore
#   import   the importer and the checker on a workbook given as parts (seeds: SampleWorkbooks/,
#            Tests/Fixtures/departments/), with the package's Mappings/                  — JuesuanCore
#   all      each of the four in turn, SECONDS each
# Work files (binaries, corpora, artefacts, logs) go to fuzz/out/ (git-ignored). The summary line of
# each run ("fuzz TARGET: N executions in S s …") is also appended to fuzz/out/runs.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-600}
target=${2:-parts}
if [ "$target" = all ]; then
    for t in parts zip mapping import; do "$0" "$seconds" "$t"; done
    exit 0
fi
case "$target" in
    zip) harness=fuzz/ReaderFuzzer.swift; layer=reader ;;
    parts) harness=fuzz/PartsFuzzer.swift; layer=reader ;;
    mapping) harness=fuzz/MappingFuzzer.swift; layer=core ;;
    import) harness=fuzz/ImportFuzzer.swift; layer=core ;;
    *) echo "usage: fuzz/run.sh [SECONDS] [parts|zip|mapping|import|all]" >&2; exit 64 ;;
esac
out=$root/fuzz/out
mkdir -p "$out/corpus-$target" "$out/artifacts-$target"

if ! command -v pkg-config >/dev/null || ! pkg-config --exists libzip libxml-2.0 xlsxwriter freexl; then
    apt-get update -qq && apt-get install -y -qq pkg-config libzip-dev libxml2-dev libxlsxwriter-dev libfreexl-dev >/dev/null
fi
cflags=$(pkg-config --cflags-only-I libxml-2.0 libzip xlsxwriter freexl | sed 's/-I/-Xcc -I/g')
libs=$(pkg-config --libs libzip libxml-2.0 xlsxwriter freexl)
cmods="-I $root/Sources/CZip -I $root/Sources/CLibXML2 -I $root/Sources/CXlsxWriter -I $root/Sources/CFreeXL"
swiftflags=(-sanitize=fuzzer,address -parse-as-library -O -g)

# --- build -----------------------------------------------------------------------------------
# From a snapshot of the sources (others may be editing the tree while the build runs):
# FUZZ_FROM=worktree (default) copies Sources/ as it is; FUZZ_FROM=HEAD takes the last commit.
bin=$out/fuzz-$target
newer() {
    [ -x "$bin" ] || return 0
    [ -n "$(find fuzz -newer "$bin" -name '*.swift' | head -1)" ] && return 0
    if [ "${FUZZ_FROM:-worktree}" = HEAD ]; then [ "$(cat "$bin.commit" 2>/dev/null)" != "$(git rev-parse HEAD)" ]
    else [ -n "$(find "$@" -newer "$bin" -name '*.swift' | head -1)" ]; fi
}
snapshot() {
    rm -rf "$out/src"; mkdir -p "$out/src"
    if [ "${FUZZ_FROM:-worktree}" = HEAD ]; then git archive HEAD Sources Mappings | tar -x -C "$out/src"
    else cp -r Sources Mappings "$out/src/"; fi
    git rev-parse HEAD >"$bin.commit" 2>/dev/null || true
}
src=$out/src/Sources
kit() { find "$src/SpreadsheetKit" -name '*.swift' | sort; }
if [ "$layer" = reader ] && newer Sources/SpreadsheetKit fuzz; then
    echo "building $bin" >&2
    snapshot
    kit=$(kit)
    # shellcheck disable=SC2086
    swiftc "${swiftflags[@]}" -enforce-exclusivity=unchecked -module-name SpreadsheetKit $kit \
        fuzz/Parts.swift fuzz/FuzzSupport.swift "$harness" $cmods $cflags $libs \
        -o "$bin" >"$out/build-$target.log" 2>&1 || { cat "$out/build-$target.log" >&2; exit 1; }
elif [ "$layer" = core ] && newer Sources/SpreadsheetKit Sources/JuesuanCore fuzz; then
    echo "building $bin" >&2
    snapshot
    kit=$(kit)
    # Yams (the package's YAML dependency) from a checkout resolved into fuzz/out/spm.
    spm=$out/spm
    [ -d "$spm/checkouts/Yams/Sources" ] || swift package resolve --scratch-path "$spm" >&2
    yams=$spm/checkouts/Yams/Sources
    mods=$out/modules
    rm -rf "$mods"; mkdir -p "$mods"
    {
        for c in "$yams"/CYaml/src/*.c; do
            clang -c -O1 -g -fsanitize=address,fuzzer-no-link -DYAML_DECLARE_EXPORT -I "$yams/CYaml/include" \
                "$c" -o "$mods/cyaml-$(basename "$c" .c).o"
        done
        swiftc "${swiftflags[@]}" -D SWIFT_PACKAGE -module-name Yams -wmo -emit-module -emit-module-path "$mods/Yams.swiftmodule" \
            -c "$yams"/Yams/*.swift -Xcc -fmodule-map-file="$yams/CYaml/include/module.modulemap" \
            -I "$yams/CYaml/include" -o "$mods/Yams.o"
        # shellcheck disable=SC2086
        swiftc "${swiftflags[@]}" -enforce-exclusivity=unchecked -module-name SpreadsheetKit -wmo -emit-module \
            -emit-module-path "$mods/SpreadsheetKit.swiftmodule" -c $kit $cmods $cflags -o "$mods/SpreadsheetKit.o"
        # shellcheck disable=SC2046,SC2086
        swiftc "${swiftflags[@]}" -module-name JuesuanCore $(find "$src/JuesuanCore" -name '*.swift' | sort) \
            fuzz/Parts.swift "$harness" -I "$mods" $cmods $cflags -Xcc -fmodule-map-file="$yams/CYaml/include/module.modulemap" \
            -I "$yams/CYaml/include" "$mods"/*.o $libs -o "$bin"
    } >"$out/build-$target.log" 2>&1 || { cat "$out/build-$target.log" >&2; exit 1; }
fi

# --- seed corpus -----------------------------------------------------------------------------
seeds=$out/seeds-$target
rm -rf "$seeds"; mkdir -p "$seeds"
case "$target" in
    zip|parts) folders=(Tests/Fixtures/workbook Tests/Fixtures/hostile Tests/Fixtures/hostile/fuzz-regressions) ;;
    import) folders=(SampleWorkbooks Tests/Fixtures/departments Tests/Fixtures/hostile/fuzz-regressions) ;;
    mapping) folders=(Mappings Tests/Fixtures/hostile/fuzz-regressions) ;;
esac
python3 - "$target" "$seeds" "${folders[@]}" <<'PY'
import os, sys, zipfile
target, seeds, folders = sys.argv[1], sys.argv[2], sys.argv[3:]
def files(folder):
    if target == "mapping":  # mapping sets are folders of folders
        for d, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                yield name, os.path.join(d, name)
    else:
        for name in sorted(os.listdir(folder)):
            yield name, os.path.join(folder, name)
for folder in folders:
    if not os.path.isdir(folder):
        continue
    for name, path in files(folder):
        if target == "mapping":
            if name.endswith((".yaml", ".yml")):
                open(os.path.join(seeds, name), "wb").write(open(path, "rb").read())
            continue
        limit = 1048576 if target == "import" else 262144
        if not name.endswith((".xlsx", ".xls")) or os.path.getsize(path) > limit:
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
            # The importer needs no theme, docProps or printer settings: smaller seeds, faster runs.
            if target == "import":
                entries = [(f, d) for f, d in entries if not f.startswith(("docProps/", "xl/theme/", "xl/printerSettings/"))]
            blob = b"".join(b"\n@@" + f.encode() + b"\n" + d for f, d in entries)
            open(os.path.join(seeds, name + ".parts"), "wb").write(blob)
PY

# --- run -------------------------------------------------------------------------------------
extra=()
case "$target" in
    parts) extra=(-dict="$root/fuzz/ooxml.dict" -max_len=262144) ;;
    zip) extra=(-max_len=262144) ;;
    import) extra=(-dict="$root/fuzz/ooxml.dict" -max_len=1048576) ;;
    mapping) extra=(-dict="$root/fuzz/mapping.dict" -max_len=65536) ;;
esac
echo "fuzzing '$target' for ${seconds}s; log in $out/fuzz-$target.log" >&2
started=$(date -u +%Y-%m-%dT%H:%MZ)
t0=$(date +%s)
# SWIFT_BACKTRACE=enable=no: the Swift runtime's symbolicating backtracer takes many seconds per crash,
# which stalls crash minimisation; libFuzzer and ASan print their own stack.
export SWIFT_BACKTRACE=enable=no
set +e
(cd "$out" && JUESUAN_FUZZ_MAPPINGS="$out/src/Mappings" ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    LSAN_OPTIONS=suppressions="$root/fuzz/lsan.supp" \
    "$bin" "$out/corpus-$target" "$seeds" "${extra[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts-$target/" -print_final_stats=1 >"$out/fuzz-$target.log" 2>&1)
status=$?
elapsed=$(( $(date +%s) - t0 ))
set -e
grep -E "^stat::|ERROR|SUMMARY|^#[0-9]+ +DONE" "$out/fuzz-$target.log" | tail -20 >&2 || true

# --- minimise what was found into regression fixtures ----------------------------------------------
found=0
regressions=Tests/Fixtures/hostile/fuzz-regressions
mkdir -p "$regressions"
for a in "$out/artifacts-$target"/crash-* "$out/artifacts-$target"/timeout-* "$out/artifacts-$target"/leak-* "$out/artifacts-$target"/oom-*; do
    [ -f "$a" ] || continue
    case "$a" in *.min|*.xlsx|*.yaml) continue ;; esac
    found=$((found + 1))
    kind=$(basename "$a" | cut -d- -f1)
    min="$a.min"
    (cd "$out" && "$bin" -minimize_crash=1 -max_total_time=120 -timeout=10 -exact_artifact_path="$min" "$a" >/dev/null 2>&1) || true
    [ -s "$min" ] || cp "$a" "$min"
    case "$target" in
        mapping) fixture="$a.yaml"; cp "$min" "$fixture" ;;
        parts|import)
            fixture="$a.xlsx"
            python3 - "$min" "$fixture" <<'PY'
import sys, zipfile
data = open(sys.argv[1], "rb").read()
chunks = data.split(b"\n@@")[1:]
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as z:
    for c in chunks[:64]:
        name, _, content = c.partition(b"\n")
        z.writestr(name.decode("utf-8", "replace") or "_", content)
PY
            ;;
        zip) fixture="$a.xlsx"; cp "$min" "$fixture" ;;
    esac
    dest=$regressions/$target-$kind-$(sha1sum "$fixture" | cut -c1-8).${fixture##*.}
    cp "$fixture" "$dest"
    echo "found: $a → $dest" >&2
    mkdir -p "$out/artifacts-$target/done" && mv "$a" "$a".* "$out/artifacts-$target/done/" # reported once
done
runs=$(grep -E "^stat::number_of_executed_units" "$out/fuzz-$target.log" | awk '{print $2}' | tail -1 || true)
line="$started fuzz $target: ${runs:-?} executions in ${elapsed} s (commit $(cat "$bin.commit" 2>/dev/null | cut -c1-7)), exit $status, $found artefact(s)"
echo "$line" | tee -a "$out/runs.log" >&2
