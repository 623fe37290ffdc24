namespace KnowledgeBase.Vietnamese.Syllables;

/// <summary>
/// Counts, over the letter tokens of a text, how many are valid Vietnamese syllables. Tokens are maximal runs
/// of letters (and combining marks). Pure-ASCII tokens that are not syllables (English terms, codes) are counted
/// apart and left out of the share, as <c>../shared/tools/vnvalid.py</c> does. Immutable.
/// </summary>
public readonly record struct SyllableStatistics(int Valid, int Invalid, int ForeignAscii)
{
    /// <summary>Tokens the share is computed over (valid + invalid).</summary>
    public int Counted => Valid + Invalid;

    /// <summary>Share (0..1) of counted tokens that are valid syllables; null when nothing was counted.</summary>
    public double? ValidShare => Counted == 0 ? null : (double)Valid / Counted;

    public static SyllableStatistics Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int valid = 0, invalid = 0, ascii = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && IsTokenChar(text[i]);
            if (isLetter)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start < 0)
            {
                continue;
            }

            var token = text.AsSpan(start, i - start);
            start = -1;
            if (VietnameseSyllable.IsValid(token))
            {
                valid++;
            }
            else if (IsAscii(token))
            {
                ascii++;
            }
            else
            {
                invalid++;
            }
        }

        return new SyllableStatistics(valid, invalid, ascii);
    }

    private static bool IsTokenChar(char c) =>
        char.IsLetter(c) || (c >= '\u0300' && c <= '\u036F');

    private static bool IsAscii(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }
}
