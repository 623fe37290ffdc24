using Lucene.Net.Analysis;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// One tokenizer pass feeding the exact, folded and paired fields of a text: the syllables are cut and normalized
/// once (<see cref="VietnameseTokenizer"/>, <see cref="VietnameseNormalizationFilter"/>), kept by a
/// <see cref="CachingTokenFilter"/>, and replayed to each field's own filter — the same tokens the per-field
/// analyzers of <see cref="IndexAnalyzers"/> make from the text three times (docs/performance.md, Stop 17). The
/// streams belong to one document and are consumed by the index writer in turn; never shared between documents.
/// </summary>
public static class SharedAnalysis
{
    public static (TokenStream Exact, TokenStream Folded, TokenStream Pairs) Streams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokenizer = new VietnameseTokenizer(new StringReader(text));
        var normalized = new VietnameseNormalizationFilter(tokenizer);
        // The cache fills itself from its input on first use without resetting it (Lucene 4.8): reset it here.
        normalized.Reset();
        var cache = new CachingTokenFilter(normalized);
        return (cache, new VietnameseFoldingFilter(cache, stackDStroke: true), new SyllableShingleFilter(cache, 2));
    }
}
