#!/usr/bin/env bash
# The HTML report in a real browser: installs Chromium (Debian) and playwright-core (npm,
# pinned in tests/browser/package-lock.json) when missing, writes the French and English
# reports of the sample city with the figures they must show (examples/report.rs), then
# opens them in headless Chromium (tests/browser/report.test.mjs): rendered text, no
# overlapping text, no broken element, one screenshot per section in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

step() { printf -- '--- %s\n' "$*"; }

if [ ! -x /usr/bin/chromium ]; then
  step "installing Chromium from the system packages"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi

step "npm ci (playwright-core 1.65.1, pinned)"
(cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)

step "writing the reports of the sample city (fr, en) and their expected figures"
cargo build --release --quiet --example report
for lang in fr en; do
  "$ROOT/target/release/examples/report" --lang "$lang" --period 2025-Q4 \
    --out "$ROOT/target/report-$lang.html" --expected "$ROOT/target/report-$lang.expected.json"
done

step "headless Chromium"
rm -rf "$ROOT/target/screenshots"
(cd "$ROOT/tests/browser" && timeout 600 node --test report.test.mjs)
step "screenshots: $(ls "$ROOT"/target/screenshots/*.png | wc -l) in target/screenshots/"
