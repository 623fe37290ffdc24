namespace KnowledgeBase.Vietnamese.Tokens;

/// <summary>
/// A token of <see cref="TextTokenizer"/>: a span of the original text (offsets are the original's, so
/// highlighting marks the letters as written, NFD included). <see cref="BreakBefore"/> says that
/// punctuation (a sentence or clause boundary) separates it from the token before, so syllables on either
/// side do not form a word.
/// </summary>
public readonly record struct TextToken(int Start, int Length, TokenKind Kind, bool BreakBefore)
{
    public int End => Start + Length;

    public string TextOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Substring(Start, Length);
    }
}
