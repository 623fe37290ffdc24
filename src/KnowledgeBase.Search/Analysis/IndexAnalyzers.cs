using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;

namespace KnowledgeBase.Search.Analysis;

/// <summary>The per-field analyzer of the passage index: exact and folded text and title fields.</summary>
public static class IndexAnalyzers
{
    public static Analyzer Create()
    {
        var exact = new VietnameseAnalyzer(folded: false);
        var folded = new VietnameseAnalyzer(folded: true);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [IndexFields.Text] = exact,
            [IndexFields.Title] = exact,
            [IndexFields.TextFolded] = folded,
            [IndexFields.TitleFolded] = folded,
        };
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }
}
