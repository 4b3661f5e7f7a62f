#!/usr/bin/env bash
# Runs the engine, store and automation tests under ThreadSanitizer and fails on any report.
#
#   scripts/tsan.sh [EXTRA swift test ARGUMENTS]
#
# Suites: PodiumEngineTests (the job engine, review, automation rules and the runner, crash
# recovery), PodiumStoreTests (transactions, the journal, the watcher, sharing, the writer
# processes) and the inbox folder (PodiumExchangeTests.InboxFolderTests). The build lives in
# .build-tsan. Every process that reports, the test runner or a podium-test-writer it
# starts, writes its reports to .build-tsan/tsan-reports/, and any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
filter=${TSAN_FILTER:-'PodiumEngineTests\.|PodiumStoreTests\.|PodiumExchangeTests\.InboxFolderTests'}
reports=$root/.build-tsan/tsan-reports
rm -rf "$reports"; mkdir -p "$reports"
log=$root/.build-tsan/tsan-test.log

# halt_on_error=0: every race is reported, not only the first.
export TSAN_OPTIONS="log_path=$reports/report:halt_on_error=0:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
set +e
nice -n 10 swift test --sanitize=thread --scratch-path "$root/.build-tsan" --filter "$filter" "$@" 2>&1 | tee "$log" \
  | grep -E "Test run with|✘|error:|ThreadSanitizer" || true
status=${PIPESTATUS[0]}
set -e

count=$(find "$reports" -type f | wc -l)
if [ "$count" -gt 0 ]; then
  echo "tsan: $count ThreadSanitizer report file(s) in $reports:"
  for file in "$reports"/*; do
    echo "== $file"
    grep -E "^WARNING: ThreadSanitizer|^SUMMARY" "$file" | sort | uniq -c
  done
  # The first report in full, names demangled: enough to act on from a CI log alone.
  first=$(find "$reports" -type f | sort | head -1)
  echo "== the first report in $first:"
  sed -n '1,/^SUMMARY/p' "$first" | head -120 | { swift demangle --simplified 2>/dev/null || cat; }
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "tsan: swift test failed (exit $status); the log is $log"
  exit "$status"
fi
echo "tsan: no ThreadSanitizer report ($(grep -E '^.* Test run with' "$log" | tail -1 | sed 's/^[^A-Za-z]*//'))"
