#!/usr/bin/env bash
# Ours next to the Java Lucene 8.8.1 peer on the same passages and questions, one after the other (issue 11).
#
#   scripts/bench-1m.sh [N] [WORK_DIR]        N passages (default 1000000), WORK_DIR scratch (default /tmp/kb-bench-N)
#
# 1. scale_passages.py makes the N-passage file and the questions as typed ("accented") and stripped of diacritics.
# 2. kb bench search (Release build): indexing rate (--index-batch, both cores), then api/bare/page/suggest on both
#    question sets, 1 thread, --json.
# 3. ../shared/bench/java-lucene/run.sh on the same files (index, then search and search + highlight).
# 4. ours again on the kept index: the real app over loopback (--web-only) at WEB_CLIENTS concurrent clients (default
#    1,4,16; empty skips it), WEB_DURATION each (20s), with its resident memory and start to first answer.
# 5. WORK_DIR/summary.md: one side-by-side markdown table with the load averages of each phase.
# Environment: EVERY (time every K-th question; default 64 at 1M, 16 below), WARMUP (default 30), INDEX_BATCH (50),
#   SKIP_JAVA=1 (ours only), KB_CONFIGURATION (Release), WEB_CLIENTS, WEB_DURATION, WEB_PORT (default: a free one),
#   KEEP_INDEX=1 (leave WORK_DIR/kb-data for a later run of kb bench search --index WORK_DIR/kb-data --keep),
#   MAX_SEGMENTS (default 1: ours is force-merged after the load, timed apart, as the Java harness does with
#   forceMerge(1); 0 leaves the segments the load wrote, as runs before 2026-12-07 23:00 did).
set -euo pipefail
N=${1:-1000000}
W=${2:-/tmp/kb-bench-$N}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SHARED=$(cd "$REPO/../shared" && pwd)
JAVA_DIR=$SHARED/bench/java-lucene
EVERY=${EVERY:-$([ "$N" -ge 1000000 ] && echo 64 || echo 16)}
WARMUP=${WARMUP:-30}
CONFIG=${KB_CONFIGURATION:-Release}
mkdir -p "$W"
load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "[$(date -u +%H:%M:%S) load $(load)] $*" | tee -a "$W/phases.log" >&2; }
: > "$W/phases.log"

log "data: $N passages"
python3 "$JAVA_DIR/scale_passages.py" -n "$N" -o "$W/passages.jsonl" --queries-out "$W/queries-accented.jsonl" "$SHARED"/data/retrieval/*/
python3 "$JAVA_DIR/scale_passages.py" --strip-diacritics --queries-out "$W/queries-stripped.jsonl" "$SHARED"/data/retrieval/*/

log "ours: build"
dotnet build "$REPO/src/KnowledgeBase.Cli" -c "$CONFIG" -nologo -v q >/dev/null
KB="$REPO/src/KnowledgeBase.Cli/bin/$CONFIG/net10.0/kb.dll"
rm -rf "$W/kb-data"
log "ours: index + search"
dotnet "$KB" bench search --passages "$W/passages.jsonl" --queries "$W/queries-accented.jsonl" --queries "$W/queries-stripped.jsonl" \
  --every "$EVERY" --warmup "$WARMUP" --modes api,bare,page,suggest --index-batch "${INDEX_BATCH:-50}" \
  $([ "${MAX_SEGMENTS:-1}" -gt 0 ] && echo --max-segments "${MAX_SEGMENTS:-1}") \
  --index "$W/kb-data" --keep --json > "$W/ours.json"
log "ours: done"

WEB_CLIENTS=${WEB_CLIENTS-1,4,16}
if [ -n "$WEB_CLIENTS" ]; then
  dotnet build "$REPO/src/KnowledgeBase.Web" -c "$CONFIG" -nologo -v q >/dev/null
  log "ours: the app over loopback, $WEB_CLIENTS clients"
  dotnet "$KB" bench search --passages "$W/passages.jsonl" --queries "$W/queries-accented.jsonl" --queries "$W/queries-stripped.jsonl" \
    --every "$EVERY" --warmup "$WARMUP" --modes page --index "$W/kb-data" --keep --web-only \
    --clients "$WEB_CLIENTS" --duration "${WEB_DURATION:-20s}" ${WEB_PORT:+--web-port "$WEB_PORT"} --json > "$W/ours-web.json"
  log "ours: app done"
fi
[ "${KEEP_INDEX:-0}" = 1 ] || rm -rf "$W/kb-data"

if [ "${SKIP_JAVA:-0}" != 1 ]; then
  log "java: index + search"
  QUERY_EVERY=$EVERY "$JAVA_DIR/run.sh" "$W/passages.jsonl" "$W/queries-accented.jsonl" "$W/java-index" "$W/queries-stripped.jsonl" \
    > "$W/java.log" 2>&1 || log "java: failed (see $W/java.log)"
  rm -rf "$W/java-index"
  log "java: done"
fi

python3 - "$W" "$N" "$EVERY" > "$W/summary.md" <<'PY'
import json, re, sys, os
w, n, every = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ours = json.load(open(os.path.join(w, "ours.json")))
java = {}
java_index = None
java_passages = java_secs = java_merge = None
log = os.path.join(w, "java.log")
if os.path.exists(log):
    for line in open(log, encoding="utf-8"):
        m = re.match(r"SEARCH rep=\d+ set=(\S+) threads=1 mode=(\S+) .*p50_us=(\d+) p95_us=(\d+) p99_us=(\d+)", line)
        if m:
            kind = "accented" if "accented" in m.group(1) else "stripped"
            java[(kind, m.group(2))] = tuple(int(m.group(i)) / 1000 for i in (3, 4, 5))
        m = re.match(r"INDEX passages=(\d+) .*secs=([\d.]+) passages_per_s=(\d+)", line)
        if m:
            java_index = int(m.group(3))
            java_passages, java_secs = int(m.group(1)), float(m.group(2))
        m = re.match(r"FORCEMERGE secs=([\d.]+)", line)
        if m:
            java_merge = float(m.group(1))
def f(v): return f"{v:,.1f}"
print(f"# {n:,} passages, every {every}th question, 1 thread (ms: p50 / p95 / p99)\n")
print("| mode | set | ours | Java peer | ours/Java p50 |")
print("|---|---|---|---|---:|")
peer = {"api": "search+hl", "bare": "search"}
for qs in ours["querySets"]:
    kind = "accented" if "accented" in qs["file"] else "stripped"
    for row in qs["rows"]:
        if row["threads"] != 1:
            continue
        o = (row["p50Ms"], row["p95Ms"], row["p99Ms"])
        j = java.get((kind, peer.get(row["mode"], "")))
        js = " / ".join(map(f, j)) if j else "—"
        ratio = f"{o[0] / j[0]:.2f}" if j else "—"
        print(f"| {row['mode']} | {kind} | {' / '.join(map(f, o))} | {js} | {ratio} |")
ix = ours.get("indexing") or {}
print(f"\n| indexing | passages/s |\n|---|---:|")
print(f"| ours, the load (`--index-batch`, {ix.get('passages', 0):,} passages, {ix.get('segments', '?')} segments, {ix.get('indexMb', 0):,.0f} MB) | {ix.get('passagesPerSecond', 0):,.0f} |")
print(f"| Java peer, the load | {java_index:,} |" if java_index else "| Java peer, the load | — |")
opt = ix.get("optimize")
# End to end: the load and the force-merge into one segment after it, for both (ours may hold its merges back until
# that force-merge, so the load's rate alone would leave work out; Java merges during its load and once more after it).
ours_end = ix.get("passages", 0) / (ix.get("indexSeconds", 0) + opt["seconds"]) if opt and ix.get("indexSeconds") else None
java_end = java_passages / (java_secs + java_merge) if java_passages and java_secs and java_merge is not None else None
if ours_end or java_end:
    print(f"| load + force-merge to one segment, end to end: ours / Java | {ours_end or 0:,.0f} / {java_end or 0:,.0f} |")
if opt:
    print(f"\nOurs searched on {ix.get('segments', '?')} segment(s): the load's {opt['segmentsBefore']} merged after it in {opt['seconds']:,.1f} s "
          f"({opt['cpuSeconds']:,.1f} CPU-s, index folder at most {opt['peakMb']:,.0f} MB), not in the load's rate above (in the end-to-end row); the Java peer "
          f"force-merges to one segment after its load too.")
web_file = os.path.join(w, "ours-web.json")
if os.path.exists(web_file):
    web = json.load(open(web_file)).get("web") or {}
    print(f"\n## The app over loopback (`GET /?q=`, {web.get('durationSeconds')} s a level)\n")
    print(f"Start to first search answer {web.get('startToFirstAnswerMs', 0):,.0f} ms (listening {web.get('startToListeningMs', 0):,.0f} ms); "
          f"peak resident memory {web.get('appPeakRssMb', 0):,.0f} MB.\n")
    cores = json.load(open(web_file)).get("machine", {}).get("cores", 1)
    print("| set | clients | requests | errors | p50 / p95 / p99 ms | req/s | app RSS MB | app CPU | app CPU ms a request |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for qs in web.get("querySets", []):
        kind = "accented" if "accented" in qs["file"] else "stripped"
        for row in qs["rows"]:
            print(f"| {kind} | {row['threads']} | {row['requests']} | {row['errors']} | {f(row['p50Ms'])} / {f(row['p95Ms'])} / {f(row['p99Ms'])} "
                  f"| {row['perSecond']:.1f} | {row.get('appRssMb', 0):,.0f} | {row.get('appCpuShare', 0):.0%} "
                  f"| {row.get('appCpuShare', 0) * cores * row.get('seconds', 0) * 1000 / max(1, row['requests']):,.0f} |")
m = ours.get("machine", {})
print(f"\nLoad average: ours {m.get('loadAverageAtStart')} → {m.get('loadAverageAtEnd')}; phases:\n")
for line in open(os.path.join(w, "phases.log"), encoding="utf-8"):
    print("    " + line.rstrip())
PY
log "table: $W/summary.md"
cat "$W/summary.md"
