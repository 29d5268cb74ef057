#!/usr/bin/env bash
# Builds juesuan in release mode and installs it on the PATH with its mapping files:
#   /usr/local/bin/juesuan, /usr/local/share/juesuan/Mappings
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product juesuan
install -m 0755 .build/release/juesuan /usr/local/bin/juesuan
mkdir -p /usr/local/share/juesuan
rm -rf /usr/local/share/juesuan/Mappings.new
cp -R Mappings /usr/local/share/juesuan/Mappings.new
rm -rf /usr/local/share/juesuan/Mappings
mv /usr/local/share/juesuan/Mappings.new /usr/local/share/juesuan/Mappings
echo "juesuan installed: $(command -v juesuan)" >&2
