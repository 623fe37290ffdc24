using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;

namespace KnowledgeBase.Search.Analysis;

/// <summary>The per-field analyzer of the passage index: exact, folded and paired syllables of text and title.</summary>
public static class IndexAnalyzers
{
    public static Analyzer Create()
    {
        var exact = new VietnameseAnalyzer(VietnameseAnalysis.Exact);
        var folded = new VietnameseAnalyzer(VietnameseAnalysis.Folded);
        var bigrams = new VietnameseAnalyzer(VietnameseAnalysis.FoldedBigrams);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [IndexFields.Text] = exact,
            [IndexFields.Title] = exact,
            [IndexFields.TextFolded] = folded,
            [IndexFields.TitleFolded] = folded,
            [IndexFields.TextBigrams] = bigrams,
            [IndexFields.TitleBigrams] = bigrams,
        };
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }
}
