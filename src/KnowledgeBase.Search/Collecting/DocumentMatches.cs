using KnowledgeBase.Search.Pruning;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// How many passages of a few documents match a flat disjunction (optional clauses only), within a filter: the count a
/// page of groups shows after a pruned search ("N đoạn khớp"). The same passages as searching
/// <c>+query +(doc_id:a doc_id:b …)</c> through the filter, found more cheaply: the page's documents' live passages
/// within the filter are the candidates, and each clause — the most frequent first — is advanced only to the
/// candidates no earlier clause matched, so a passage is settled by the first clause that holds it instead of every
/// clause being advanced to every candidate (the conjunction's disjunction advances all of them). Stateless.
/// </summary>
internal static class DocumentMatches
{
    /// <summary>
    /// A counter (<see cref="DocumentCollector.MatchingPassages"/>) fed, segment by segment and in document order, the
    /// live passages of <paramref name="documentIds"/> within <paramref name="filter"/> that match one clause of
    /// <paramref name="disjunction"/> at least.
    /// </summary>
    public static DocumentCollector Count(IndexSearcher searcher, BooleanQuery disjunction, Filter? filter, IReadOnlyCollection<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(disjunction);
        ArgumentNullException.ThrowIfNull(documentIds);
        if (!ClauseBound.IsPlainDisjunction(disjunction))
        {
            throw new ArgumentException("Optional clauses only, none required or excluded, no minimum to match.", nameof(disjunction));
        }

        var counter = new DocumentCollector([], scores: false);
        if (documentIds.Count == 0)
        {
            return counter;
        }

        // One weight per clause, made once for every segment; term clauses reuse the contexts the search looked up.
        var weights = new List<Weight>(disjunction.Clauses.Count);
        foreach (var clause in disjunction.Clauses)
        {
            var query = clause.Query is TermQuery term ? new TermQuery(term.Term, TermContexts.For(searcher.TopReaderContext, term.Term)) { Boost = term.Boost } : clause.Query;
            weights.Add(searcher.CreateNormalizedWeight(query));
        }

        var ids = documentIds.Distinct(StringComparer.Ordinal).Select(id => new BytesRef(id)).ToList();
        foreach (var segment in searcher.IndexReader.Leaves)
        {
            var candidates = Candidates(segment, ids, filter);
            if (candidates.Count == 0)
            {
                continue;
            }

            var matched = Matched(segment, weights, candidates);
            if (matched.Count == 0)
            {
                continue;
            }

            counter.SetNextReader(segment);
            foreach (var doc in matched)
            {
                counter.Collect(doc);
            }
        }

        return counter;
    }

    /// <summary>The live passages of the documents in this segment that the filter lets through, in document order.</summary>
    private static List<int> Candidates(AtomicReaderContext segment, List<BytesRef> ids, Filter? filter)
    {
        var reader = segment.AtomicReader;
        var live = reader.LiveDocs;
        var candidates = new List<int>();
        var terms = reader.GetTerms(IndexFields.DocumentId)?.GetEnumerator();
        if (terms is null)
        {
            return candidates;
        }

        DocsEnum? docs = null;
        foreach (var id in ids)
        {
            if (!terms.SeekExact(id))
            {
                continue;
            }

            docs = terms.Docs(live, docs, DocsFlags.NONE);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                candidates.Add(doc);
            }
        }

        candidates.Sort();
        if (filter is null || candidates.Count == 0)
        {
            return candidates;
        }

        // As a filtered search does: the filter's set for this segment, over its live passages.
        var allowed = filter.GetDocIdSet(segment, live)?.GetIterator();
        if (allowed is null)
        {
            return [];
        }

        var kept = new List<int>(candidates.Count);
        foreach (var doc in candidates)
        {
            if (allowed.DocID < doc && allowed.Advance(doc) == DocIdSetIterator.NO_MORE_DOCS)
            {
                break;
            }

            if (allowed.DocID == doc)
            {
                kept.Add(doc);
            }
        }

        return kept;
    }

    /// <summary>The candidates one clause at least matches, in document order; the most frequent clauses are asked first.</summary>
    private static List<int> Matched(AtomicReaderContext segment, List<Weight> weights, List<int> candidates)
    {
        var live = segment.AtomicReader.LiveDocs;
        var scorers = new List<Scorer>(weights.Count);
        foreach (var weight in weights)
        {
            if (weight.GetScorer(segment, live) is { } scorer)
            {
                scorers.Add(scorer);
            }
        }

        // Most passages match one of the commonest syllables: ask those first, and the rarer ones only about the rest.
        scorers.Sort((a, b) => b.GetCost().CompareTo(a.GetCost()));
        var found = new bool[candidates.Count];
        var open = Enumerable.Range(0, candidates.Count).ToList();
        foreach (var scorer in scorers)
        {
            var still = new List<int>(open.Count);
            foreach (var at in open)
            {
                var doc = candidates[at];
                var current = scorer.DocID;
                if (current < doc)
                {
                    current = scorer.Advance(doc);
                }

                if (current == doc)
                {
                    found[at] = true;
                }
                else
                {
                    still.Add(at);
                }
            }

            open = still;
            if (open.Count == 0)
            {
                break;
            }
        }

        var matched = new List<int>(candidates.Count - open.Count);
        for (var at = 0; at < candidates.Count; at++)
        {
            if (found[at])
            {
                matched.Add(candidates[at]);
            }
        }

        return matched;
    }
}
