#!/usr/bin/env bash
# Renders the first form of each style's sample, exported by `juesuan export --template STYLE`, and the
# dachang 汇总表 rebuilt by `juesuan summarize`, to one PNG page each (scripts/render.sh, LibreOffice):
#   bash scripts/render-forms.sh [JUESUAN] [OUTDIR]      (default: .build/debug/juesuan, docs/render)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
juesuan=${1:-$root/.build/debug/juesuan}; out=${2:-$root/docs/render}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for item in zezhou-shanxi-project-sheets:shanxi-project luzhou-sichuan-project-sheets:sichuan-project \
            dachang-hebei-project-sheets:hebei-project dachuan-sichuan-department-sheets:sichuan-department \
            dachuan-sichuan-department-index-sheets:sichuan-department-index dachuan-sichuan-fund-index-sheets:sichuan-fund-index; do
  sample=${item%%:*}; style=${item##*:}
  "$juesuan" import "$root/SampleWorkbooks/forms/$sample.xlsx" -o "$work/$style.json" --mappings "$root/Mappings"
  python3 - "$work/$style.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["forms"] = doc["forms"][:1]
if doc.get("indexForms"):
    doc["indexForms"] = doc["indexForms"][:1]
json.dump(doc, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
  "$juesuan" export "$work/$style.json" --template "$style" -o "$work/forms-$style.xlsx" --mappings "$root/Mappings"
done
"$juesuan" summarize "$root/SampleWorkbooks/forms/dachang-hebei-project-sheets.xlsx" --fund-type 县级专项项目 \
  -o "$work/forms-hebei-summary.xlsx" --mappings "$root/Mappings" >/dev/null
mkdir -p "$out"
for f in "$work"/forms-*.xlsx; do
  bash "$root/scripts/render.sh" "$f" "$work/png" >/dev/null
  name=$(basename "${f%.xlsx}")
  cp "$work/png/$name-1.png" "$out/$name.png"
done
ls "$out"/forms-*.png
