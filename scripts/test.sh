#!/usr/bin/env bash
# Runs every test of the solution against a PostgreSQL it provides, then prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/postgres.sh --for-tests || exit 1

results=TestResults
rm -rf "$results"
dotnet test Spiisee.EventSourced.sln -c Release --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  # TRX counts a skipped test in total but not in executed (its notExecuted stays 0).
  t=$(printf '%s' "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  e=$(printf '%s' "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

# A skipped test checked nothing (e.g. the comparison with ../shared in a plain clone): said apart, above the last line.
[ "$skipped" -eq 0 ] || echo "$skipped skipped (each with its reason above)"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$files" -eq 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
