#!/usr/bin/env bash
# Runs every test of the repository, installing first whatever a fresh machine lacks.
# Usage: scripts/test.sh            (everything)
#        PILOTAGE_FUZZ_SECONDS=N    (seconds per fuzz target, default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }

step "Rust toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown >/dev/null

step "Formatting (cargo fmt --check)"
cargo fmt --all --check

step "Lints (cargo clippy -D warnings)"
cargo clippy --workspace --all-targets -- -D warnings

step "API docs (cargo doc -D warnings: broken or ambiguous links fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "Rust tests (core, examples, benches; doc tests included)"
cargo test --workspace

step "Main job on the bundled sample city"
cargo run --release --quiet --example scorecard > "$ROOT/target/main-job.txt"
head -n 5 "$ROOT/target/main-job.txt"

for extra in scripts/test.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$(basename "$extra")"
  bash "$extra"
done

step "All tests passed"
