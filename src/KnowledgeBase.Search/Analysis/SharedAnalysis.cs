using Lucene.Net.Analysis;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// One tokenizer pass feeding the exact, folded and paired fields of a text: the syllables are cut and normalized
/// once (<see cref="AnalysedText"/>) and replayed to each field by its own <see cref="AnalysedTextReplay"/> — the same
/// tokens the per-field analyzers of <see cref="IndexAnalyzers"/> make from the text three times (docs/performance.md,
/// Stop 17 and "Issue 11: indexing CPU"). The streams belong to one document and are consumed by the index writer in
/// turn; never shared between threads.
/// </summary>
public static class SharedAnalysis
{
    public static (TokenStream Exact, TokenStream Folded, TokenStream Pairs) Streams(string text) => Streams(AnalysedText.Of(text));

    public static (TokenStream Exact, TokenStream Folded, TokenStream Pairs) Streams(AnalysedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (
            new AnalysedTextReplay(VietnameseAnalysis.Exact, text),
            new AnalysedTextReplay(VietnameseAnalysis.Folded, text),
            new AnalysedTextReplay(VietnameseAnalysis.FoldedBigrams, text));
    }
}
