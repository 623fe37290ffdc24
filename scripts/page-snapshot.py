#!/usr/bin/env python3
"""The search page and the grouped API of a running app for a set of questions, for before/after comparisons.

    scripts/page-snapshot.py URL OUT.json QUERIES.jsonl [QUERIES.jsonl ...] [--every N]
    scripts/page-snapshot.py --compare A.json B.json

For every N-th question (default 256) of each file ({"id","query"} a line, as kb eval and kb bench read them) it
stores GET URL/?q= (the page's HTML, with the elapsed time, the antiforgery token and the app's own address blanked:
the only parts that change from one request or port to the next) and GET URL/api/search?q=&grouped=true&facets=true (JSON without elapsedMs).
Run it against the app of each build on copies of the same data folder, then --compare: exit 1 when any question's
page or JSON differs. Loopback apps only; the machine's load does not matter.
"""
import json, re, sys, urllib.parse, urllib.request

def snapshot(url, out, files, every):
    questions = []
    for name in files:
        lines = [json.loads(l)["query"].strip() for l in open(name, encoding="utf-8") if l.strip()]
        questions += [q for i, q in enumerate(lines) if i % every == 0 and q]
    pages = {}
    for q in questions:
        e = urllib.parse.quote(q)
        html = urllib.request.urlopen(f"{url}/?q={e}", timeout=300).read().decode("utf-8")
        html = re.sub(r'<span class="muted">[^<]*</span>', '<span class="muted">T</span>', html)
        html = re.sub(r'name="__RequestVerificationToken"[^>]*>', "", html)
        html = html.replace(url, "URL")  # citations carry the app's own address
        api = json.loads(urllib.request.urlopen(f"{url}/api/search?q={e}&grouped=true&facets=true", timeout=300).read())
        api.pop("elapsedMs", None)
        pages[q] = {"html": html, "api": api}
    json.dump(pages, open(out, "w", encoding="utf-8"), ensure_ascii=False, sort_keys=True)
    print(f"{len(pages)} questions, {sum(1 for p in pages.values() if p['api'].get('totalIsEstimate'))} with estimated totals")

def compare(a, b):
    left, right = json.load(open(a, encoding="utf-8")), json.load(open(b, encoding="utf-8"))
    differ = [q for q in left if left[q] != right.get(q)] + [q for q in right if q not in left]
    print(f"{len(left)} questions, {len(differ)} differ")
    for q in differ[:10]:
        print("  " + q)
    return 1 if differ else 0

if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--compare"] and len(args) == 3:
        sys.exit(compare(args[1], args[2]))
    every = 256
    if "--every" in args:
        i = args.index("--every"); every = int(args[i + 1]); del args[i:i + 2]
    if len(args) < 3:
        sys.exit(__doc__)
    snapshot(args[0].rstrip("/"), args[1], args[2:], every)
