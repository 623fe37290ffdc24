using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// Top-k search of a flat disjunction (the ranking query of free text) that skips passages which cannot enter the
/// top k — MaxScore (Turtle and Flood), a window of passages at a time (<see cref="WindowMaxScore"/>): clauses are
/// ordered by their upper bound in each segment; those whose bounds together stay below the k-th best score so far
/// are non-essential, so only passages matching an essential clause are visited, and the non-essential clauses are
/// looked up for a passage only while its score can still reach the top k. The scores are Lucene's own (each clause's scorer, summed as Lucene's
/// <c>BooleanScorer</c> sums them), so the top k equal exhaustive scoring's. Other query shapes, and other
/// similarities, are declined: the caller then scores every match. Thread-safe (stateless).
/// </summary>
public static class MaxScoreSearch
{
    /// <summary>
    /// The <paramref name="k"/> best passages of <paramref name="query"/> within <paramref name="filter"/>, ordered as
    /// <see cref="IndexSearcher.Search(Query, Filter, int)"/> orders them (score, then document), or null when the
    /// query is not a disjunction this search understands.
    /// </summary>
    public static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k) =>
        TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Density);

    /// <summary>As above, the clauses becoming non-essential in <paramref name="order"/> (tests and measurement).</summary>
    internal static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k, WindowMaxScore.ClauseOrder order)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(query);
        if (k <= 0 || searcher.Similarity is not ExactLengthBm25Similarity similarity)
        {
            return null;
        }

        if (searcher.Rewrite(query) is not BooleanQuery disjunction || !ClauseBound.IsPlainDisjunction(disjunction) || disjunction.Boost != 1f || disjunction.Clauses.Count < 2)
        {
            return null;
        }

        var clauses = new List<ClauseBound>(disjunction.Clauses.Count);
        foreach (var clause in disjunction.Clauses)
        {
            if (clause.Query is BooleanQuery { Clauses.Count: 0 } && disjunction.CoordDisabled)
            {
                // A typo with no spelling near it in the index (its fuzzy query rewrote to nothing): it matches and adds
                // nothing, as in Lucene's scoring (no scorer; no coordination factor to count it). Declining the whole
                // question for it scored every match (a tail question of the 1M bench).
                continue;
            }

            if (ClauseBound.For(clause.Query, searcher, similarity) is not { } bound)
            {
                return null;
            }

            clauses.Add(bound);
        }

        var top = new TopK(k);
        var scorer = new WindowMaxScore(clauses, filter, top, order);
        var exact = true;
        long total = 0, scored = 0, visited = 0;
        foreach (var segment in searcher.IndexReader.Leaves)
        {
            var result = scorer.Run(segment);
            exact &= !result.Pruned;
            scored += result.Completed;
            visited += result.Visited;
            total += result.Pruned ? Math.Max(result.Matched, result.EstimatedMatches) : result.Matched;
        }

        return new PrunedTopDocs(top.ToTopDocs((int)Math.Min(int.MaxValue, total)), TotalIsEstimate: !exact, FullyScored: scored, Visited: visited, Clauses: clauses.Count);
    }
}
