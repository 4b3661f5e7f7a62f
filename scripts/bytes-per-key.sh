#!/usr/bin/env bash
# Bytes the dashboard writes to its terminal per key press, on a real pseudo-terminal.
# Runs the release podium under script(1) at 200x50 on a workspace, presses 3 (feedback pane),
# then j forty times, then q, and reports the bytes written for the forty j presses and while
# idle. Compare with the changed cells `podium-bench dashboard` prints for the same presses.
#   usage: scripts/bytes-per-key.sh WORKSPACE   (build first: swift build -c release)
set -euo pipefail
workspace=${1:?usage: scripts/bytes-per-key.sh WORKSPACE}
podium="$(cd "$(dirname "$0")/.." && pwd)/.build/release/podium"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/keys"
size() { stat -c %s "$dir/typescript" 2>/dev/null || echo 0; }
script -q -f -c "stty cols 200 rows 50; TERM=xterm-256color '$podium' -w '$workspace'" "$dir/typescript" < "$dir/keys" > /dev/null 2>&1 &
exec 3> "$dir/keys"
sleep 4                      # open the workspace and draw the first frame
idle_start=$(size); sleep 2; idle_end=$(size)
printf 3 >&3; sleep 1
before=$(size)
for _ in $(seq 40); do printf j >&3; sleep 0.15; done
sleep 1
after=$(size)
printf q >&3; exec 3>&-
wait
echo "first frame and pane switch: $before bytes"
echo "idle for 2 s: $((idle_end - idle_start)) bytes"
echo "40 × j: $((after - before)) bytes, $(( (after - before) / 40 )) per key press"
