#!/usr/bin/env bash
# Measures ranking quality on the six relevance collections of ../shared/data/retrieval with `kb eval`,
# queries as given and with diacritics stripped, and prints the table of docs/relevance.md.
# Every run file is also re-scored here, independently of kb (the formulas of ../shared/tools/score_run.py,
# but reading passage ids that contain spaces, as alqac2023_legal and legal_statements_18laws have),
# and by score_run.py itself where the ids have no spaces.
# Usage: scripts/eval-all.sh            (DATA=... to point elsewhere, OUT=... for the run files,
#                                      WEIGHTS="Name=value ..." to rank with other weights than the default,
#                                      KB=path/to/kb.dll to use a build made elsewhere instead of building one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${DATA:-$root/../shared/data/retrieval}
tools=$(cd "$data/../.." 2>/dev/null && pwd)/tools
out=${OUT:-$root/artifacts/eval}
collections=(uit_viquad1_seg uit_vicov19qa alqac2023_legal legal_statements_18laws uit_regulations_qa uit_wiki_handmade_qa)
if [ ! -d "$data" ]; then
  echo "No evaluation data at $data (it sits beside the project as ../shared/data)." >&2
  exit 2
fi

mkdir -p "$out"
if [ -z "${KB:-}" ]; then
  dotnet build -c Release "$root/src/KnowledgeBase.Cli" -v q --nologo >/dev/null
fi
kb=(dotnet "${KB:-$root/src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll}")
for c in "${collections[@]}"; do
  for mode in given stripped; do
    flag=()
    [ "$mode" = stripped ] && flag=(--strip-diacritics)
    [ -n "${WEIGHTS:-}" ] && flag+=(--weights "$WEIGHTS")
    "${kb[@]}" eval --passages "$data/$c/passages.jsonl" --queries "$data/$c/queries.jsonl" "${flag[@]}" --run "$out/$c.$mode.tsv" >"$out/$c.$mode.txt"
    echo "$c ($mode): $(sed -n 2p "$out/$c.$mode.txt")" >&2
  done
done

python3 - "$data" "$out" "${collections[@]}" <<'PY'
import json, math, sys
from collections import defaultdict
data, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
expert = {'uit_viquad1_seg': (0.826, 0.818), 'uit_vicov19qa': (0.352, 0.346), 'alqac2023_legal': (0.903, 0.889),
          'legal_statements_18laws': (0.868, 0.884), 'uit_regulations_qa': (0.889, 0.885), 'uit_wiki_handmade_qa': (0.935, 0.945)}
plain = {'uit_viquad1_seg': 0.787, 'uit_vicov19qa': 0.320, 'alqac2023_legal': 0.837, 'legal_statements_18laws': 0.831,
         'uit_regulations_qa': 0.854, 'uit_wiki_handmade_qa': 0.927}
def score(run, queries):
    ranked = defaultdict(list)
    for line in open(run, encoding='utf-8'):
        p = line.rstrip('\n').split(' ')
        ranked[p[0]].append((int(p[-3]), ' '.join(p[2:-3])))
    mrr = r10 = 0.0
    for q in queries:
        rel = set(q['relevant']); top = [d for _, d in sorted(ranked.get(str(q['id']), []))][:10]
        mrr += next((1 / i for i, d in enumerate(top, 1) if d in rel), 0); r10 += bool(rel & set(top))
    return mrr / len(queries), r10 / len(queries)
def kb_line(path):
    fields = dict(f.split('=') for f in open(path, encoding='utf-8').read().splitlines()[1].split())
    return float(fields['MRR@10']), float(fields['R@10'])
rows, macro = [], defaultdict(float)
for c in names:
    queries = [json.loads(l) for l in open(f'{data}/{c}/queries.jsonl', encoding='utf-8')]
    (g, gr), (s, sr) = score(f'{out}/{c}.given.tsv', queries), score(f'{out}/{c}.stripped.tsv', queries)
    for mode, value in (('given', g), ('stripped', s)):
        claimed = kb_line(f'{out}/{c}.{mode}.txt')[0]
        assert abs(claimed - value) < 5e-4, f'{c} {mode}: kb says {claimed}, the run file scores {value}'
    eg, es = expert[c]
    rows.append(f'| {c} | {len(queries)} | {g:.3f} ({gr:.3f}) | {s:.3f} ({sr:.3f}) | {s / g:.1%} | {plain[c]:.3f} | {eg:.3f} | {es:.3f} | {g - eg:+.3f} |')
    for k, v in (('g', g), ('s', s), ('p', plain[c]), ('eg', eg), ('es', es)):
        macro[k] += v / len(names)
print('| collection | queries | MRR@10 (R@10) as given | MRR@10 (R@10) stripped | stripped / given | plain BM25 | expert as given | expert stripped | ours − expert |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
print('\n'.join(rows))
print(f"| **macro average** | | **{macro['g']:.4f}** | **{macro['s']:.4f}** | | {macro['p']:.3f} | {macro['eg']:.3f} | {macro['es']:.3f} | {macro['g'] - macro['eg']:+.3f} |")
PY

if [ -x "$tools/score_run.py" ]; then
  echo >&2
  echo "score_run.py on the collections whose passage ids have no spaces:" >&2
  for c in uit_viquad1_seg uit_vicov19qa uit_regulations_qa uit_wiki_handmade_qa; do
    for mode in given stripped; do
      echo "  $c $mode: $(python3 "$tools/score_run.py" "$out/$c.$mode.tsv" "$data/$c/queries.jsonl")" >&2
    done
  done
fi
