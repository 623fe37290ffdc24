#!/usr/bin/env bash
# A bounded load run on loopback (issue 10): the app (Release build) on a fresh data folder, 16 connections of
# signed-in searches for DURATION (default 60 s) with wrk, while 100 documents are ingested through the API.
# Prints wrk's latency distribution (p50/p99), requests/s, the answers that were not 200, and the ingestion
# outcome. Needs wrk (apt-get install wrk). Usage: scripts/load-run.sh [DURATION] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60s}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "load-run: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

dotnet build src/KnowledgeBase.Web -c Release -v q -nologo >/dev/null
dotnet build src/KnowledgeBase.Cli -c Release -v q -nologo >/dev/null
KB="dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"
WEB=src/KnowledgeBase.Web/bin/Release/net10.0/KnowledgeBase.Web.dll

WORK=$(mktemp -d /tmp/kb-load.XXXXXX)
DATA=$WORK/data
DOCS=$WORK/docs
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# A user for the searches and the uploads; its token on the last line.
printf 'load-run-password-%s' "$RANDOM" | $KB users add loadrun --role editor --password-stdin --data "$DATA" >/dev/null
TOKEN=$($KB tokens create loadrun --label load-run --data "$DATA" | tail -n 1)

# 100 documents: the seed article's paragraphs, rotated and numbered, so every one is different.
python3 - "$DOCS" <<'PY'
import os, sys, glob
out = sys.argv[1]; os.makedirs(out)
text = open(sorted(glob.glob("seeds/*.txt"))[0], encoding="utf-8").read()
paras = [p for p in text.split("\n") if len(p.split()) > 8]
for i in range(100):
    k = i % len(paras)
    body = "\n\n".join(paras[k:] + paras[:k])
    with open(os.path.join(out, f"tai-lieu-{i:03}.txt"), "w", encoding="utf-8") as f:
        f.write(f"Tài liệu thử tải số {i}\n\n{body}\n")
PY

dotnet "$WEB" --KnowledgeBase:DataPath="$DATA" --Urls="$URL" --Logging:LogLevel:Default=Warning >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/health" >/dev/null || { echo "load-run: the app did not start" >&2; cat "$WORK/app.log" >&2; exit 1; }
# Let the seeds finish so the searches have something to find.
for _ in $(seq 1 120); do
  pending=$(curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/jobs" | python3 -c 'import json,sys; d=json.load(sys.stdin); c=d.get("counts",{}); print(sum(v for k,v in c.items() if k.lower() in ("queued","extracting","indexing")))' 2>/dev/null || echo 1)
  [ "$pending" = "0" ] && break; sleep 1
done

echo "load-run: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $CONNECTIONS connections for $DURATION, 100 documents ingested meanwhile"
$KB --data "$DATA" ingest "$DOCS" --server "$URL" --token "$TOKEN" >"$WORK/ingest.log" 2>&1 &
INGEST_PID=$!
KB_TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s scripts/load-run.lua "$URL"
wait "$INGEST_PID" || echo "load-run: kb ingest exited with $?"
tail -n 3 "$WORK/ingest.log"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/jobs" | python3 -c 'import json,sys; print("jobs:", json.load(sys.stdin).get("counts"))'
echo "load-run: load after $(cut -d' ' -f1-3 /proc/loadavg)"
