#!/usr/bin/env bash
# Starts the published PaperBot the way ../shared/bench-peers/run-peers.sh starts a peer: it gets PORT, HOST,
# SLACK_SIGNING_SECRET, DISCORD_PUBLIC_KEY (and maybe PAPERS_DIGEST) and must become the server process itself.
# PAPERBOT_EXE is the executable: the native one (default) or a JIT publish's apphost, which runs PaperBot.dll.
set -euo pipefail
bot=${PAPERBOT_EXE:-/tmp/paperbot-aot/PaperBot}
data=$(mktemp -d /tmp/paperbot-peer.XXXXXX)
mkdir -p "$data/digests"
cp "${PAPERS_DIGEST:-$(dirname "$0")/../samples/digests/000_6c4aed9f0dc1f396.txt}" "$data/digests/"
export Digests__Path="$data/digests" Storage__ConnectionString="Data Source=$data/archive.db"
export Slack__SigningSecret="$SLACK_SIGNING_SECRET" Discord__PublicKey="$DISCORD_PUBLIC_KEY"
export Logging__LogLevel__Default=Warning
# The GC settings the Dockerfile gives the container (see there): a 2 MiB youngest generation in 1 MiB regions.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-200000} DOTNET_GCRegionSize=${DOTNET_GCRegionSize:-100000}
# Run from the published folder, so its appsettings.json applies as it does in the container.
cd "$(dirname "$bot")"
# Ingest before listening, so the first request already finds the edition.
"$bot" show >/dev/null
exec "$bot" run --urls "http://${HOST:-127.0.0.1}:${PORT}"
