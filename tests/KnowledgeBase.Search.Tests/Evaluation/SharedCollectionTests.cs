using KnowledgeBase.Search.Evaluation;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Evaluation;

/// <summary>One small relevance collection of ../shared/data, as a guard against ranking regressions (a few seconds).</summary>
public sealed class SharedCollectionTests
{
    [SharedDataFact]
    public void Evaluate_WikiHandmadeQa_AboveTheExpertReferenceWithAndWithoutAccents()
    {
        var folder = TestPaths.InSharedData("retrieval", "uit_wiki_handmade_qa");
        var queries = RelevanceCollections.ReadQueries(Path.Combine(folder, "queries.jsonl"));
        using var evaluator = new RelevanceEvaluator(RelevanceCollections.ReadPassages(Path.Combine(folder, "passages.jsonl")));

        var given = RelevanceMetrics.Compute(queries, evaluator.Run(queries));
        var stripped = RelevanceMetrics.Compute(queries, evaluator.Run(queries, stripDiacritics: true));

        // Expert BM25 reference of ../shared/data/README.md: 0.935 as given.
        Assert.True(given.Mrr10 >= 0.935, $"MRR@10 {given.Mrr10:F4} is below the expert reference 0.935");
        Assert.True(stripped.Mrr10 >= 0.98 * given.Mrr10, $"stripped MRR@10 {stripped.Mrr10:F4} is below 98% of {given.Mrr10:F4}");
    }
}
