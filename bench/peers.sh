#!/usr/bin/env bash
# PaperBot against the platforms' own frameworks, same load, same machine: see README "Performance".
# Publishes the native AOT bot and the JIT one, runs the Node peers and both builds under the shared harness, and prints
# one table, then each build's start time and the verify-only rate of the server's core.
# Usage: bench/peers.sh   (PEERS, CONNS, DURATION, PIN, LOADGEN as in ../shared/bench-peers/README.md;
#                          BENCH_PEERS: the harness folder [../shared/bench-peers beside the repository])
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
harness=${BENCH_PEERS:-$root/../shared/bench-peers}
aot=/tmp/paperbot-aot jit=/tmp/paperbot-jit
dotnet publish "$root/src/PaperBot" -c Release -o "$aot" --nologo -v quiet
dotnet publish "$root/src/PaperBot" -c Release -p:PublishAot=false -o "$jit" --nologo -v quiet
dotnet build "$root/bench/PaperBot.Benchmarks" -c Release --nologo -v quiet
work=$(mktemp -d /tmp/paperbot-bench.XXXXXX)
cp -r "$harness" "$work/bench-peers"
chmod -R u+w "$work/bench-peers"
cd "$work/bench-peers"
[ -d node_modules ] || npm ci --silent
results="$work/bench-peers/results/$(date +%Y%m%d-%H%M%S)"
export RESULTS=$results CUSTOM_SCENARIOS="${CUSTOM_SCENARIOS:-slack discord}" CUSTOM_CMD="bash $root/bench/paperbot-peer.sh"

# One harness run per PaperBot build, into one results folder, so that its last summary has every row. Each run's own
# summary is kept in the log; progress and problems are shown.
harness_run() { # log peers name port executable
  local status=0
  PEERS=$2 CUSTOM_NAME=$3 CUSTOM_PORT=$4 PAPERBOT_EXE=$5 ./run-peers.sh >"$1" 2>&1 || status=$?
  grep -E '^(===|!!!)' "$1" || true
  return "$status"
}
status=0
peers=${PEERS:-slack-http discord custom}
harness_run "$work/aot.log" "$peers" paperbot-aot 5080 "$aot/PaperBot" || status=$?
harness_run "$work/jit.log" custom paperbot-jit 5081 "$jit/PaperBot" || status=$?
# The last run's summary has both runs' rows; its header names only that run's peers.
sed -n '/^# peers/,/^(peak RSS/p' "$work/jit.log" | sed "1s/^# peers: custom/# peers: ${peers/custom/paperbot-aot} paperbot-jit/"

# Start: process start until /healthz answers 200, the sample digests already ingested, on the server's core; then the
# idle RSS. (bench/restart-to-healthz.sh times the same with the ten-year archive.)
pin=()
[ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null && pin=(taskset -c "${PEER_CPUS:-0}")
for build in aot jit; do
  exe="${!build}/PaperBot" data=$(mktemp -d /tmp/paperbot-start.XXXXXX)
  export Digests__Path="$root/samples/digests" Storage__ConnectionString="Data Source=$data/archive.db" Logging__LogLevel__Default=Warning
  export DOTNET_GCgen0size=${DOTNET_GCgen0size:-200000} DOTNET_GCRegionSize=${DOTNET_GCRegionSize:-100000}
  "$exe" show >/dev/null
  times=()
  for _ in 1 2 3; do
    start=$(date +%s%N)
    "${pin[@]}" "$exe" run --urls http://127.0.0.1:5082 >/dev/null 2>&1 &
    pid=$!
    until curl -fs -o /dev/null http://127.0.0.1:5082/healthz; do sleep 0.005; done
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
    sleep 2 # idle: the first ingest done and what starting took handed back
    rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  echo "paperbot-$build: start to /healthz 200 (sample digests ingested): ${times[*]} ms; idle RSS 2 s later: $rss MiB"
  rm -rf "$data"
done
"${pin[@]}" dotnet "$root/bench/PaperBot.Benchmarks/bin/Release/net10.0/PaperBot.Benchmarks.dll" verify-rate 3
echo "results: $results"
exit "$status"
