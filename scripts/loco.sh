#!/usr/bin/env bash
# Leave-one-collection-out figures (docs/relevance.md): `kb tune` over the six collections of
# ../shared/data/retrieval, each index built once, the coordinate-wise sweep of ranking weights measured as
# given and stripped, then per held-out collection the weights chosen on the other five, scored on it.
# Scores are kept in $OUT/scores.tsv and reused: delete it after changing the ranking code.
# Usage: scripts/loco.sh            (DATA=... to point elsewhere, OUT=... for the scores, SETTINGS=file for another grid)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${DATA:-$root/../shared/data/retrieval}
out=${OUT:-$root/artifacts/loco}
if [ ! -d "$data" ]; then
  echo "No evaluation data at $data (it sits beside the project as ../shared/data)." >&2
  exit 2
fi

mkdir -p "$out"
dotnet build -c Release "$root/src/KnowledgeBase.Cli" -v q --nologo >/dev/null
# The two large collections are measured on every k-th query (at most MAX_QUERIES, 710 by default: the machine is shared).
args=(--collections "$data" --scores "$out/scores.tsv" --reference "$root/scripts/relevance-reference.tsv" --max-queries "${MAX_QUERIES:-710}")
[ -n "${SETTINGS:-}" ] && args+=(--settings "$SETTINGS")
dotnet "$root/src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll" tune "${args[@]}" | tee "$out/loco.md"
