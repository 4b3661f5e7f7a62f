#!/usr/bin/env bash
# Builds Podium's libFuzzer harnesses (Fuzz/) and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_EACH]      default 60; e.g. scripts/fuzz.sh 1800 for a long run
#
# Environment:
#   FUZZ_HARNESSES="FuzzTabular FuzzStream"   run only these
#   PODIUM_BIN=path/to/podium                 a built podium for the record seeds (default:
#                                             the root package's debug build, when there is one)
#   FUZZ_JOBS=N                               harnesses run at once (default 1)
#
# Everything lands in .build-fuzz/: the build, the seeds (made anew each run by
# scripts/fuzz-corpus.py), the corpus each harness grows (kept between runs), crash
# artifacts in .build-fuzz/artifacts/HARNESS/, and each run's log in .build-fuzz/logs/.
# Each harness gets a fresh TMPDIR, removed afterwards. Prints one line per harness
# (executions, exec/s, crashes, corpus size, seconds) and exits 1 when any found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
harnesses=(${FUZZ_HARNESSES:-FuzzTabular FuzzImport FuzzStream FuzzConfig FuzzRecord})
scratch=$root/.build-fuzz

# How the harnesses are built, as found with Swift 6.3.1 on Linux:
# - swiftc keeps only the last -sanitize= option, and SwiftPM passes each --sanitize as
#   its own option (fuzzer first), so `--sanitize=fuzzer --sanitize=address` builds
#   without the fuzzer's coverage instrumentation and the fuzzer runs blind. The one
#   option -sanitize=fuzzer,address, last, gives both.
# - SwiftPM's own --sanitize=fuzzer is still needed: with it, an executable target links
#   libFuzzer's main instead of its own.
# - -enable-testing: the harnesses reach a few internal types with @testable import.
echo "== building the harnesses (release, address sanitizer, libFuzzer)"
build_start=$(date +%s)
mkdir -p "$scratch"
if ! nice -n 10 swift build -c release --package-path Fuzz --scratch-path "$scratch" \
  --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing >"$scratch/build.log" 2>&1; then
  grep -E "error:" "$scratch/build.log" | head -40 || tail -40 "$scratch/build.log"
  echo "fuzz.sh: the harnesses did not build (log: $scratch/build.log)" >&2
  exit 2
fi
for harness in "${harnesses[@]}"; do
  [ -x "$scratch/release/$harness" ] || { echo "fuzz.sh: $harness was not built" >&2; exit 2; }
done
echo "   built in $(( $(date +%s) - build_start )) s"

podium=${PODIUM_BIN:-}
if [ -z "$podium" ]; then
  candidate="$(swift build --show-bin-path 2>/dev/null || true)/podium"
  [ -x "$candidate" ] && podium=$candidate
fi
python3 scripts/fuzz-corpus.py "$scratch/seeds" ${podium:+--podium "$podium"}

export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# Swift's own crash backtracer and libFuzzer's signal handler wait on each other (the
# process hangs at the first crash); libFuzzer and ASan print the stack instead.
export SWIFT_BACKTRACE=enable=no
mkdir -p "$scratch/logs"

run() {
  local harness=$1 corpus=$scratch/corpus/$1 artifacts=$scratch/artifacts/$1 log=$scratch/logs/$1.log
  mkdir -p "$corpus" "$artifacts"
  local base=${TMPDIR:-/tmp}
  [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm  # the harnesses write a file per input
  local tmp; tmp=$(mktemp -d "$base/podium-fuzz-XXXXXX")
  local start; start=$(date +%s)
  set +e
  TMPDIR=$tmp nice -n 10 "$scratch/release/$harness" "$corpus" "$scratch/seeds/$harness" \
    -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1
  local status=$?
  set -e
  rm -rf "$tmp"
  local took=$(( $(date +%s) - start ))
  local execs rate corp crashes seed
  seed=$(sed -n 's/^INFO: Seed: *//p' "$log" | head -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corp=$( (grep -oE 'corp: [0-9]+/[0-9]+[bKM]b' "$log" || true) | tail -1 | sed 's/corp: //')
  crashes=$( (find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$log.start" 2>/dev/null || true) | wc -l)
  printf '%-12s executions %10s  exec/s %6s  crashes %2s  corpus %-14s seconds %4s  exit %s  seed %s\n' \
    "$harness" "${execs:-?}" "${rate:-?}" "$crashes" "${corp:-?}" "$took" "$status" "${seed:-?}" | tee -a "$scratch/logs/summary.txt"
  [ "$status" -eq 0 ] && [ "$crashes" -eq 0 ]
}

: >"$scratch/logs/summary.txt"
failed=()
jobs_at_once=${FUZZ_JOBS:-1}
echo "== fuzzing ${harnesses[*]} for $seconds s each"
pids=(); names=()
for harness in "${harnesses[@]}"; do
  touch "$scratch/logs/$harness.log.start"
  run "$harness" & pids+=($!); names+=("$harness")
  if [ ${#pids[@]} -ge "$jobs_at_once" ]; then
    wait "${pids[0]}" || failed+=("${names[0]}")
    pids=("${pids[@]:1}"); names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do wait "${pids[$i]}" || failed+=("${names[$i]}"); done

if [ ${#failed[@]} -gt 0 ]; then
  for harness in "${failed[@]}"; do
    echo "== $harness failed; the end of its log ($scratch/logs/$harness.log):"
    tail -60 "$scratch/logs/$harness.log"
    ls -1 "$scratch/artifacts/$harness"
  done
  echo "fuzz: ${#failed[@]} of ${#harnesses[@]} harnesses found a crash (${failed[*]}); see docs/RELIABILITY.md to reproduce and minimise"
  exit 1
fi
echo "fuzz: ${#harnesses[@]} harnesses ran $seconds s each, no crash"
