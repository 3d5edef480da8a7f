#!/usr/bin/env bash
# PaperBot against the platforms' own frameworks, same load, same machine: see README "Performance".
# Usage: bench/peers.sh   (PEERS, CONNS, DURATION, PIN as in ../shared/bench-peers/README.md)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet publish "$root/src/PaperBot" -c Release -o /tmp/paperbot-publish --nologo -v quiet
work=$(mktemp -d /tmp/paperbot-bench.XXXXXX)
cp -r "$root/../shared/bench-peers" "$work/"
chmod -R u+w "$work/bench-peers"
cd "$work/bench-peers"
[ -d node_modules ] || npm ci --silent
PEERS="${PEERS:-slack slack-http discord custom}" CUSTOM_NAME=paperbot CUSTOM_PORT="${CUSTOM_PORT:-5080}" \
  CUSTOM_SCENARIOS="${CUSTOM_SCENARIOS:-slack discord}" CUSTOM_CMD="bash $root/bench/paperbot-peer.sh" ./run-peers.sh
echo "results: $work/bench-peers/results"
