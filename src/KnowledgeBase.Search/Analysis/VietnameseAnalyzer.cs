using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Syllable-level Vietnamese analysis: Unicode word tokenization, NFC, lower case, and (when
/// <see cref="Folded"/>) accent folding. Thread-safe, like every Lucene analyzer.
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    public VietnameseAnalyzer(bool folded)
    {
        Folded = folded;
    }

    public bool Folded { get; }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        TokenStream stream = new VietnameseNormalizationFilter(tokenizer);
        if (Folded)
        {
            stream = new VietnameseFoldingFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
