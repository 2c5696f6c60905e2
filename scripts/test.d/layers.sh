#!/usr/bin/env bash
# The bindings stay thin (issue #15): their own Rust code (bindings-python/src and
# bindings-wasm/src) must stay under 15 % of the Rust code of the bindings and the core
# (core/src), in lines as the issue counts them (`find DIR -name '*.rs' | xargs cat | wc -l`).
# Prints the three counts and the share; fails at 15 % or more. Takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/../.."

lines() { find "$1" -name '*.rs' -print0 | xargs -0 cat | wc -l; }
core=$(lines core/src)
python=$(lines bindings-python/src)
wasm=$(lines bindings-wasm/src)
bindings=$((python + wasm))
total=$((core + bindings))
share=$(awk -v b="$bindings" -v t="$total" 'BEGIN { printf "%.1f", 100 * b / t }')

echo "core/src: $core lines; bindings-python/src: $python; bindings-wasm/src: $wasm"
echo "the bindings' own Rust code: $bindings of $total lines, $share % (must stay under 15 %)"
if [ $((100 * bindings)) -ge $((15 * total)) ]; then
  echo "layers.sh: the bindings are $share % of the Rust code, not under 15 % (#15): move what" \
    "computes (a rule, a default, a check) into the core, or write a repeated conversion once" >&2
  exit 1
fi
