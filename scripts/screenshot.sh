#!/usr/bin/env bash
# Writes reports/index.html for the bundled claims and screenshots it in headless Chromium into
# docs/report.png. Usage: scripts/screenshot.sh [WIDTH,HEIGHT] (default 1400,2000).
# Needs Debian's `chromium` (apt-get install -y chromium; fonts-noto-cjk and fonts-thai-tlwg for
# the Chinese and Thai quotes). Run from anywhere; works in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-1400,2000}"
cargo run --quiet --release -- report > /dev/null
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" \
  --screenshot=docs/report.png --window-size="$size" \
  "file://$PWD/reports/index.html"
echo "wrote docs/report.png"
