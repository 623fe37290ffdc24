using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Queries;

/// <summary>
/// One token of a query, in the forms the index knows: <see cref="Exact"/> (accents as typed, NFC, lower
/// case, canonical tone placement) and <see cref="Folded"/> (no diacritics, đ → d). Immutable.
/// </summary>
public sealed record QueryTerm
{
    /// <summary>The token as typed (NFC).</summary>
    public required string Text { get; init; }

    public required string Exact { get; init; }

    public required string Folded { get; init; }

    public required TokenKind Kind { get; init; }

    /// <summary>The user typed a diacritic in this token: its accents count.</summary>
    public bool Accented { get; init; }

    /// <summary>
    /// The exact spelling is what the user meant: the token was typed with accents, or cannot carry any
    /// (a number, a code, a foreign word such as <c>canada</c>), or is a toneless syllable in a query
    /// typed with accents (more than half of its syllables have them), where <c>ma</c> means ma, not mà.
    /// In a query typed mostly without accents (<c>cai cách</c>), an unaccented syllable stands for any
    /// accented form.
    /// </summary>
    public bool ExactIntended { get; init; }

    /// <summary>
    /// A name or borrowed term, the most specific kind of word a question has: written with a capital
    /// inside the sentence (<c>Messi</c>, <c>Ấn Độ Dương</c>; the first word of a sentence only when the
    /// next is capitalized too), or a word that cannot be a Vietnamese syllable (<c>paris</c>,
    /// <c>roosevelt</c>, <c>astrazeneca</c>).
    /// </summary>
    public bool IsName { get; init; }

    /// <summary>Punctuation separates this token from the one before: the two do not form a word.</summary>
    public bool BreakBefore { get; init; }

    /// <summary>A question word, particle or polite formula (<see cref="Words.QueryFillers"/>): not ranked on.</summary>
    public bool IsFiller { get; init; }

    /// <summary>
    /// The folded form to match: <see cref="Folded"/>, except that a typed đ stays đ (it matches d only
    /// when the user typed d).
    /// </summary>
    public string FoldedMatch => VietnameseText.HasDStroke(Exact) ? VietnameseText.FoldKeepingDStroke(Exact) : Folded;
}
