namespace KnowledgeBase.Search.Analysis;

/// <summary>What a <see cref="VietnameseAnalyzer"/> produces from the same syllables.</summary>
public enum VietnameseAnalysis
{
    /// <summary>NFC, lower case, canonical tone placement: accents count.</summary>
    Exact,

    /// <summary>Exact, then diacritics removed (đ → d); a token with đ is also stacked with its đ kept.</summary>
    Folded,

    /// <summary>Folded syllables paired with their neighbour (<c>cai cach</c>): words and proximity at index time.</summary>
    FoldedBigrams,
}
