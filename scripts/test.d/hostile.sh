#!/usr/bin/env bash
# Hostile-input tests in release, including the ones too heavy for a debug run (a text of
# MAX_FILE_BYTES + 1 = 256 MiB); prints the measured load times of 10^6 objectives.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --release -p pilotage --test hostile -- --include-ignored --nocapture 2>&1 | grep -E '^(test |10\^6|test result)'
test "${PIPESTATUS[0]}" -eq 0
