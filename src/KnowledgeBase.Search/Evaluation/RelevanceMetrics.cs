namespace KnowledgeBase.Search.Evaluation;

/// <summary>
/// The usual figures over a set of queries, computed as <c>../shared/tools/score_run.py</c> does: MRR@10
/// (reciprocal rank of the first relevant passage in the top 10), Recall@k (share of queries with a
/// relevant passage in the top k) and nDCG@10 with binary gains. A query without results scores zero.
/// </summary>
public sealed record RelevanceMetrics(int Count, double Mrr10, double Recall1, double Recall5, double Recall10, double Ndcg10)
{
    public static RelevanceMetrics Compute(IReadOnlyList<RelevanceQuery> queries, IReadOnlyList<RankedResult> results)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(results);
        var byId = new Dictionary<string, RankedResult>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            byId[result.QueryId] = result;
        }

        double mrr = 0, r1 = 0, r5 = 0, r10 = 0, ndcg = 0;
        foreach (var query in queries)
        {
            var relevant = new HashSet<string>(query.Relevant, StringComparer.Ordinal);
            var top = byId.TryGetValue(query.Id, out var result) ? result.PassageIds.Take(10).ToList() : [];
            var first = top.FindIndex(relevant.Contains);
            if (first >= 0)
            {
                mrr += 1.0 / (first + 1);
                r1 += first < 1 ? 1 : 0;
                r5 += first < 5 ? 1 : 0;
                r10 += 1;
            }

            var dcg = top.Select((id, i) => relevant.Contains(id) ? 1 / Math.Log2(i + 2) : 0).Sum();
            var ideal = Enumerable.Range(1, Math.Min(relevant.Count, 10)).Sum(i => 1 / Math.Log2(i + 1));
            ndcg += ideal > 0 ? dcg / ideal : 0;
        }

        var n = Math.Max(1, queries.Count);
        return new RelevanceMetrics(queries.Count, mrr / n, r1 / n, r5 / n, r10 / n, ndcg / n);
    }
}
