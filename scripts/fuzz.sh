#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time, then fails if any crash appeared.
# Usage: scripts/fuzz.sh [SECONDS]        (seconds per target, default 20)
#        FUZZ_TARGETS="period_parse ..."  (a subset; default every target of fuzz/Cargo.toml)
#
# Each target reads its seeds from fuzz/corpus/<target>/ and the kept crash inputs from
# fuzz/regressions/<target>/ (both in git, never written to), and grows a scratch corpus in
# fuzz/work/<target>/ (ignored by git) so that successive runs build on each other.
# A crash, leak, timeout or out-of-memory input is left in fuzz/artifacts/<target>/; fix the
# bug, copy the input into fuzz/regressions/<target>/ and list it in core/tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-20}
case "$SECONDS_PER_TARGET" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac

# Nightly (cargo-fuzz builds with -Zsanitizer=address) and cargo-fuzz itself.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi

# The sample city (written by another part of the repository) is a seed when present. It is
# larger than -max_len, so libFuzzer reads only its first 64 KiB: fuzz/corpus/evaluate_periods/
# keeps a trimmed copy in git (every indicator, the last measurements, a few projects).
SAMPLE="$ROOT/examples/data/sample-city.json"
if [ -f "$SAMPLE" ]; then
  cp "$SAMPLE" "$ROOT/fuzz/corpus/workspace_load/sample-city.json"
  cp "$SAMPLE" "$ROOT/fuzz/corpus/evaluate_periods/sample-city.json"
fi

ALL_TARGETS=$(cd fuzz && cargo +nightly fuzz list)
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}

max_len_of() {
  case "$1" in
    period_parse) echo 256 ;;
    expression_parse) echo 9000 ;; # more than expression::MAX_LEN (4096 characters)
    *) echo 65536 ;;
  esac
}

cd fuzz
mkdir -p artifacts
MARK=$(mktemp "$ROOT/fuzz/artifacts/.run-XXXXXX")
trap 'rm -f "$MARK"' EXIT
failed=()
for t in $TARGETS; do
  echo "==> fuzz $t for ${SECONDS_PER_TARGET}s"
  mkdir -p "work/$t" "corpus/$t" "regressions/$t" "artifacts/$t"
  dict=()
  [ -f "dictionaries/$t.dict" ] && dict=("-dict=dictionaries/$t.dict")
  start=$(date +%s)
  if ! cargo +nightly fuzz run "$t" "work/$t" "corpus/$t" "regressions/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 \
      -max_len="$(max_len_of "$t")" -print_final_stats=1 "${dict[@]}" \
      > "artifacts/$t.log" 2>&1; then
    failed+=("$t")
  fi
  echo "    $(( $(date +%s) - start ))s: $(grep -E '^(stat::number_of_executed_units|Done)' "artifacts/$t.log" | tail -n 1)"
  echo "$t $SECONDS_PER_TARGET" >> "$ROOT/fuzz/artifacts/fuzz-time.log"
done

# Any crash, leak, timeout or OOM input written during this run fails the run.
new=$(find artifacts -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) -newer "$MARK" | sort)
if [ -n "$new" ] || [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]:-(see artifacts)}" >&2
  [ -n "$new" ] && printf '  %s\n' $new >&2
  for t in "${failed[@]}"; do
    echo "--- fuzz/artifacts/$t.log (end)" >&2
    tail -n 40 "artifacts/$t.log" >&2
  done
  exit 1
fi
echo "==> fuzzing: no crash in $(echo $TARGETS | wc -w) targets"
