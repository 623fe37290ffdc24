using Lucene.Net.Search;

namespace KnowledgeBase.Search.Tests.Pruning;

/// <summary>The pruned searches' tests: one top k against another.</summary>
internal static class TopDocsAssertions
{
    /// <summary>The same passages in the same order with the same scores (within float rounding; two passages whose scores tie within it may swap).</summary>
    public static void AssertSameTop(string question, TopDocs expected, TopDocs actual)
    {
        Assert.True(expected.ScoreDocs.Length == actual.ScoreDocs.Length, $"'{question}': {expected.ScoreDocs.Length} vs {actual.ScoreDocs.Length} hits");
        for (var i = 0; i < expected.ScoreDocs.Length; i++)
        {
            var (e, a) = (expected.ScoreDocs[i], actual.ScoreDocs[i]);
            var tolerance = 1e-5f * Math.Max(1f, Math.Abs(e.Score));
            Assert.True(Math.Abs(e.Score - a.Score) <= tolerance, $"'{question}' #{i}: score {e.Score} vs {a.Score}");

            // Documents are the same, but for two whose scores differ by less than float rounding (summing order).
            var tied = expected.ScoreDocs.Any(o => o.Doc != e.Doc && Math.Abs(o.Score - e.Score) <= tolerance);
            Assert.True(e.Doc == a.Doc || tied, $"'{question}' #{i}: document {e.Doc} vs {a.Doc}");
        }
    }

}
