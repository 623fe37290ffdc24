using Lucene.Net.Analysis;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Vietnamese analysis as a Lucene analyzer: <see cref="VietnameseTokenizer"/> (syllables, numbers,
/// codes whole and by parts), <see cref="VietnameseNormalizationFilter"/> (NFC, lower case, one tone
/// placement) and, by <see cref="Analysis"/>, <see cref="VietnameseFoldingFilter"/> and
/// <see cref="SyllableShingleFilter"/>. Thread-safe, like every Lucene analyzer.
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    public VietnameseAnalyzer(VietnameseAnalysis analysis)
    {
        Analysis = analysis;
    }

    public VietnameseAnalysis Analysis { get; }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        TokenStream stream = new VietnameseNormalizationFilter(tokenizer);
        stream = Analysis switch
        {
            VietnameseAnalysis.Folded => new VietnameseFoldingFilter(stream, stackDStroke: true),
            VietnameseAnalysis.FoldedBigrams => new SyllableShingleFilter(stream, 2),
            _ => stream,
        };
        return new TokenStreamComponents(tokenizer, stream);
    }
}
