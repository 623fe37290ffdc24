namespace KnowledgeBase.Vietnamese.Tokens;

/// <summary>What a token of <see cref="TextTokenizer"/> is.</summary>
public enum TokenKind
{
    /// <summary>A run of letters (and digits): a syllable, a foreign word, an acronym such as <c>CCHC</c>.</summary>
    Word,

    /// <summary>Digits, possibly with thousand or decimal separators (<c>75.000.000</c>, <c>3,5</c>): one unit, never split.</summary>
    Number,

    /// <summary>
    /// A document number or other joined code (<c>30c/NQ-CP</c>, <c>123/2023/NĐ-CP</c>, <c>COVID-19</c>,
    /// <c>TP.HCM</c>) as a whole. Its parts follow it as <see cref="CodePart"/> tokens.
    /// </summary>
    Code,

    /// <summary>One part of the <see cref="Code"/> just before it, so that codes are searchable by their parts.</summary>
    CodePart,
}
