#!/usr/bin/env bash
# Renders a workbook to PNG pages with LibreOffice, so anyone can look at an export:
#   bash scripts/render.sh OUT.xlsx OUTDIR
# Needs libreoffice-calc, poppler-utils and a CJK font (fonts-noto-cjk); installs them when missing.
set -euo pipefail
in=$1; out=${2:-render}
missing=()
for p in libreoffice-calc poppler-utils fonts-noto-cjk; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
mkdir -p "$out"
profile=$(mktemp -d)
soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$out" "$in" >/dev/null
rm -rf "$profile"
pdf="$out/$(basename "${in%.*}").pdf"
pdftoppm -png -r 80 "$pdf" "$out/$(basename "${in%.*}")"
ls "$out"
