#!/usr/bin/env bash
# The benchmarks build (cargo bench --no-run), and the pandas / polars / numpy comparison agrees with
# the Rust engine on a small dataset (run.py --small: 200 indicators x 24 months; it fails
# loudly, printing the first mismatches, when a score differs by more than 1e-9).
# Installs the comparison's Python deps (benches/compare/requirements.txt) into target/venv
# when they are missing. Under 2 minutes once the crates are built.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench --no-run -p pilotage-benches
venv=target/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c "import pandas, polars, numpy" 2>/dev/null; then
  "$venv/bin/pip" install --quiet -r benches/compare/requirements.txt
fi
"$venv/bin/python" benches/compare/run.py --small
