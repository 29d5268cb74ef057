#!/usr/bin/env bash
# Installs what Juesuan needs to build and test, on a fresh Debian machine, as root.
# Safe to run twice: it installs only what is missing.
set -euo pipefail

apt_packages=(pkg-config libzip-dev libxml2-dev libxlsxwriter-dev libfreexl-dev zip unzip python3 python3-pip)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "juesuan setup: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python packages used by the tests as independent readers/producers of workbooks.
if ! python3 -c 'import openpyxl, xlsxwriter' 2>/dev/null; then
  echo "juesuan setup: pip install openpyxl xlsxwriter" >&2
  # A Debian python3 marks its environment as system-managed (PEP 668); pip then needs to be told.
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore openpyxl xlsxwriter 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --break-system-packages openpyxl xlsxwriter
fi
