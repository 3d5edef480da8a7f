#!/usr/bin/env bash
# Restart with the ten-year archive already ingested: how long from starting the process until /healthz answers 200,
# for the native AOT executable and the JIT build.
# Usage: bench/restart-to-healthz.sh [runs]   (publishes to /tmp/paperbot-aot and /tmp/paperbot-jit; the corpus is the benchmarks' cached one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
# The ten-year corpus (2016-2025), generated once by the project's own generator and reused.
corpus=$(dotnet run --project "$root/bench/PaperBot.Benchmarks" -c Release -- corpus | tail -n 1)
dotnet publish "$root/src/PaperBot" -c Release -o /tmp/paperbot-aot --nologo -v quiet
dotnet publish "$root/src/PaperBot" -c Release -p:PublishAot=false -o /tmp/paperbot-jit --nologo -v quiet
data=$(mktemp -d /tmp/paperbot-restart.XXXXXX)
export Digests__Path="$corpus" Storage__ConnectionString="Data Source=$data/archive.db" Logging__LogLevel__Default=Warning

start=$(date +%s%N)
/tmp/paperbot-aot/PaperBot show >/dev/null
echo "first start, full ingest of $(ls "$corpus" | grep -vc manifest.json) digests via 'show' (AOT): $(( ($(date +%s%N) - start) / 1000000 )) ms"

for build in aot jit; do
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "/tmp/paperbot-$build/PaperBot" run --urls http://127.0.0.1:5077 >/dev/null 2>&1 &
    pid=$!
    until curl -fs -o /dev/null http://127.0.0.1:5077/healthz; do
      sleep 0.005
      if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 30000 ]; then echo "no answer within 30 s"; kill "$pid"; exit 1; fi
    done
    echo "$build restart $i: /healthz answered after $(( ($(date +%s%N) - start) / 1000000 )) ms"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
rm -rf "$data"
