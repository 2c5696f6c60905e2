#!/usr/bin/env bash
# The fuzz crate (nightly, its own workspace): formatting, lints, then every target for a
# short, bounded time (PILOTAGE_FUZZ_SECONDS per target, default 20).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
rustup component add --toolchain nightly rustfmt clippy >/dev/null 2>&1 || true
(cd fuzz && cargo +nightly fmt --check && cargo +nightly clippy --all-targets -- -D warnings)
bash scripts/fuzz.sh "${PILOTAGE_FUZZ_SECONDS:-20}"
