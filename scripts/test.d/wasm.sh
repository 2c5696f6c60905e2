#!/usr/bin/env bash
# The WebAssembly package: installs what a fresh machine lacks, builds it (bindings-wasm/
# build.sh: locked wasm-bindgen CLI, wasm-opt from npm, sizes and budget), then clippy for
# wasm32, the Rust main job's --json output and HTML report for the sample (the references
# the tests compare with), tsc over the typed usage file, the Node tests and the Chromium test.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WASM="$ROOT/bindings-wasm"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf -- '--- %s\n' "$*"; }

rustup target add wasm32-unknown-unknown >/dev/null

WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  step "installing wasm-bindgen-cli $WB_VERSION (the version in Cargo.lock; about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ ! -x /usr/bin/chromium ]; then
  step "installing Chromium from the system packages"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

step "npm ci (binaryen, terser, typescript, playwright-core: pinned in package-lock.json)"
(cd "$WASM" && npm ci --no-audit --no-fund --loglevel=error)

step "build"
"$WASM/build.sh"

# The Rust main job's --json output, which the Node and browser tests must equal exactly.
step "main job --json (release) -> target/main-job/"
mkdir -p "$ROOT/target/main-job"
for period in 2025-Q4 2024-Q4; do
  cargo run --release --quiet --example scorecard -- --json --period "$period" \
    > "$ROOT/target/main-job/$period.json"
done
for node in c_attractivite ind_entreprises_implantees; do
  cargo run --release --quiet --example scorecard -- --explain "$node" --period 2025-Q4 \
    > "$ROOT/target/main-job/explain-2025-Q4-$node.txt"
  cargo run --release --quiet --example scorecard -- --explain "$node" --period 2025-Q4 --lang fr \
    > "$ROOT/target/main-job/explain-2025-Q4-$node-fr.txt"
done

# The Rust core's HTML report of the sample (no date printed), which reportHtml must equal.
for lang in fr en; do
  cargo run --release --quiet --example report -- --lang "$lang" --period 2025-Q4 \
    --out "$ROOT/target/main-job/report-2025-Q4-$lang.html" "$ROOT/examples/data/sample-city.json"
done

step "clippy (wasm32-unknown-unknown)"
cargo clippy --quiet -p pilotage-wasm --target wasm32-unknown-unknown -- -D warnings

step "tsc --noEmit (strict) over tests/types-usage.ts"
(cd "$WASM" && node_modules/.bin/tsc -p tests/tsconfig.json)

step "node tests (pkg/node)"
(cd "$WASM" && node --test tests/*.test.cjs)

step "browser test (headless Chromium)"
(cd "$WASM" && node --test tests/browser.test.mjs)
