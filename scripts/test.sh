#!/usr/bin/env bash
# The whole test suite: unit, fixture comparison with openpyxl, writer round trips, CLI and
# hostile-input tests. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
