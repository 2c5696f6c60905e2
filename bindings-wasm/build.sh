#!/usr/bin/env bash
# Builds the WebAssembly package of pilotage:
#   bindings-wasm/pkg/web/   ES module for pages, with the <pilotage-scorecard> widget
#   bindings-wasm/pkg/node/  CommonJS for Node
#   target/web-demo/         the example page, ready for any static server
# and prints the raw, gzip and brotli sizes, failing over the 400 KB gzip budget.
#
# Uses the wasm-bindgen CLI at exactly the version of the wasm-bindgen crate in Cargo.lock
# (installed when missing or different) and wasm-opt from the npm `binaryen` package.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf -- '--- %s\n' "$*"; }

# The version of the wasm-bindgen crate locked in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  echo "build.sh: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  step "installing wasm-bindgen-cli $WB_VERSION (matches Cargo.lock; takes a few minutes)"
  # No --locked: one of the CLI's pinned dependencies is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ ! -x "$HERE/node_modules/.bin/wasm-opt" ] || [ ! -x "$HERE/node_modules/.bin/terser" ]; then
  step "npm ci (binaryen, terser, typescript, playwright-core)"
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi
# wasm-opt from npm's binaryen, never a system one (Debian's emits broken wasm).
WASM_OPT="$HERE/node_modules/.bin/wasm-opt"

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true

step "cargo build (wasm32-unknown-unknown, profile wasm-release)"
cargo build --quiet -p pilotage-wasm --target wasm32-unknown-unknown --profile wasm-release
WASM="$ROOT/target/wasm32-unknown-unknown/wasm-release/pilotage_wasm.wasm"

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

for target in web nodejs; do
  out="$HERE/pkg/${target/nodejs/node}"
  step "wasm-bindgen $WB_VERSION --target $target -> ${out#"$ROOT"/}"
  rm -rf "$out"
  wasm-bindgen "$WASM" --target "$target" --out-dir "$out"
  # --converge repeats -Oz until the module stops shrinking (2 KB gzipped less, ~10 s more).
  "$WASM_OPT" -Oz --converge "${FEATURES[@]}" "$out/pilotage_wasm_bg.wasm" -o "$out/pilotage_wasm_bg.wasm"
done

# The widget ships inside the web package, next to the module it imports. The browser files
# (the widget and wasm-bindgen's glue) ship minified by terser (compress + mangle local names;
# property names are kept, so the API is unchanged): the readable widget is js/, the tests
# run the shipped files. The Node build stays as generated.
TERSER="$HERE/node_modules/.bin/terser"
"$TERSER" "$HERE/js/pilotage-scorecard.js" --module --compress --mangle --comments false \
  -o "$HERE/pkg/web/pilotage-scorecard.js"
"$TERSER" "$HERE/pkg/web/pilotage_wasm.js" --module --compress --mangle --comments false \
  -o "$HERE/pkg/web/pilotage_wasm.min.js"
mv "$HERE/pkg/web/pilotage_wasm.min.js" "$HERE/pkg/web/pilotage_wasm.js"
cp "$HERE/js/pilotage-scorecard.d.ts" "$HERE/pkg/web/"
# wasm-bindgen's declarations of the module's raw exports are for bundlers that import the
# .wasm file itself; the web target's users import pilotage_wasm.js, whose own .d.ts does
# not refer to them: they stay out of the package (0.7 KB of its size budget).
rm -f "$HERE/pkg/web/pilotage_wasm_bg.wasm.d.ts"

step "sizes"
node "$HERE/tools/size.cjs" "$HERE/pkg/web" "$ROOT/target/wasm-size.json"

# The demo folder: what a static server needs for examples/web/index.html.
DEMO="$ROOT/target/web-demo"
step "demo folder -> ${DEMO#"$ROOT"/}"
rm -rf "$DEMO"
mkdir -p "$DEMO/pilotage" "$DEMO/data"
cp "$ROOT/examples/web/index.html" "$DEMO/"
cp "$HERE/pkg/web/"* "$DEMO/pilotage/"
if [ -f "$ROOT/examples/data/sample-city.json" ]; then
  cp "$ROOT/examples/data/sample-city.json" "$DEMO/data/workspace.json"
  echo "workspace: examples/data/sample-city.json"
else
  cp "$HERE/tests/fixtures/small-city.json" "$DEMO/data/workspace.json"
  echo "workspace: bindings-wasm/tests/fixtures/small-city.json (the sample city is not there yet)"
fi
echo "serve it with: python3 -m http.server --bind 127.0.0.1 --directory target/web-demo 8000"
