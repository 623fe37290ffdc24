using KnowledgeBase.Search.Evaluation;

namespace KnowledgeBase.Search.Tests.Evaluation;

public sealed class RelevanceMetricsTests
{
    [Fact]
    public void Compute_KnownRanks_MatchesScoreRunDefinitions()
    {
        RelevanceQuery[] queries = [new("q1", "a", ["p1"]), new("q2", "b", ["p2"]), new("q3", "c", ["p9"])];
        RankedResult[] results =
        [
            new("q1", ["p1", "p2"], [2, 1], TimeSpan.Zero),
            new("q2", ["p1", "p3", "p2"], [3, 2, 1], TimeSpan.Zero),
            new("q3", ["p1"], [1], TimeSpan.Zero),
        ];

        var metrics = RelevanceMetrics.Compute(queries, results);

        Assert.Equal(3, metrics.Count);
        Assert.Equal((1 + (1.0 / 3)) / 3, metrics.Mrr10, 6);
        Assert.Equal(1.0 / 3, metrics.Recall1, 6);
        Assert.Equal(2.0 / 3, metrics.Recall5, 6);
        Assert.Equal((1 + 0.5) / 3, metrics.Ndcg10, 6);
    }
}
