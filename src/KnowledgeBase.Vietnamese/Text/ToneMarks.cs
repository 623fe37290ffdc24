using System.Globalization;
using System.Text;

namespace KnowledgeBase.Vietnamese.Text;

/// <summary>
/// Puts the tone mark of a Vietnamese syllable on one canonical vowel, so that the two placements in use
/// (<c>hoà</c>/<c>hòa</c>, <c>thuỷ</c>/<c>thủy</c>, <c>khoẻ</c>/<c>khỏe</c>) and misplaced marks
/// (<c>qúy</c> for <c>quý</c>) become one spelling. The canonical placement is the traditional one
/// (<c>hòa</c>, <c>thủy</c>, <c>khỏe</c>), the more frequent in the legal and press text we index.
/// Stateless and thread-safe.
/// </summary>
public static class ToneMarks
{
    private const string Vowels = "aăâeêioôơuưy";
    private const string MarkedVowels = "ăâêôơư";
    private const string FinalConsonants = "cghmnpt";

    // Base vowel (with its vowel mark) and tone for every precomposed lower-case Vietnamese vowel.
    private static readonly Dictionary<char, (char Base, Tone Tone)> Decomposed = BuildDecomposition();
    private static readonly Dictionary<(char Base, Tone Tone), char> Composed = Decomposed.ToDictionary(p => p.Value, p => p.Key);

    private enum Tone
    {
        None,
        Grave,
        Acute,
        Tilde,
        Hook,
        Dot,
    }

    /// <summary>
    /// The syllable with its tone mark on the canonical vowel. Accepts NFC text in any case (case is kept);
    /// returns the same instance when nothing changes, including for text that is not one Vietnamese
    /// syllable (digits, several tone marks, vowels after the final consonant…).
    /// </summary>
    public static string Normalize(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        if (syllable.Length < 2 || syllable.Length > 8)
        {
            return syllable;
        }

        Span<char> lower = stackalloc char[syllable.Length];
        var tone = Tone.None;
        var tonePosition = -1;
        for (var i = 0; i < syllable.Length; i++)
        {
            var c = char.ToLowerInvariant(syllable[i]);
            if (Decomposed.TryGetValue(c, out var parts))
            {
                if (tone != Tone.None)
                {
                    return syllable;
                }

                tone = parts.Tone;
                tonePosition = i;
                c = parts.Base;
            }
            else if (!char.IsAsciiLetterLower(c) && c is not ('đ' or 'ă' or 'â' or 'ê' or 'ô' or 'ơ' or 'ư'))
            {
                return syllable;
            }

            lower[i] = c;
        }

        if (tone == Tone.None)
        {
            return syllable;
        }

        var target = CanonicalPosition(lower);
        if (target < 0 || target == tonePosition)
        {
            return syllable;
        }

        var builder = new StringBuilder(syllable);
        builder[tonePosition] = WithCase(lower[tonePosition], syllable[tonePosition]);
        builder[target] = WithCase(Composed[(lower[target], tone)], syllable[target]);
        return builder.ToString();
    }

    /// <summary>Index of the vowel that carries the tone in a toneless lower-case syllable; -1 when it is not a syllable.</summary>
    private static int CanonicalPosition(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && !IsVowel(s[start]))
        {
            start++;
        }

        if (start == s.Length)
        {
            return -1;
        }

        // "qu" and "gi" (before another vowel) are initial consonants: their u and i carry no tone.
        if ((start == 1 && s[0] == 'q' && s[1] == 'u') || (start == 1 && s[0] == 'g' && s[1] == 'i'))
        {
            if (start + 1 < s.Length && IsVowel(s[start + 1]))
            {
                start++;
            }
        }

        var end = start;
        while (end < s.Length && IsVowel(s[end]))
        {
            end++;
        }

        for (var i = end; i < s.Length; i++)
        {
            if (!FinalConsonants.Contains(s[i], StringComparison.Ordinal))
            {
                return -1;
            }
        }

        var length = end - start;
        for (var i = end - 1; i >= start; i--)
        {
            // ă â ê ô ơ ư carry the tone; in "ươ" it is the ơ, the last one.
            if (MarkedVowels.Contains(s[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return length switch
        {
            1 => start,
            2 => end < s.Length ? start + 1 : start,
            3 => start + 1,
            _ => -1,
        };
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    private static char WithCase(char lower, char original) =>
        char.IsUpper(original) ? char.ToUpperInvariant(lower) : lower;

    private static Dictionary<char, (char Base, Tone Tone)> BuildDecomposition()
    {
        var marks = new Dictionary<char, Tone>
        {
            ['\u0300'] = Tone.Grave,
            ['\u0301'] = Tone.Acute,
            ['\u0303'] = Tone.Tilde,
            ['\u0309'] = Tone.Hook,
            ['\u0323'] = Tone.Dot,
        };
        var table = new Dictionary<char, (char, Tone)>();
        foreach (var vowel in Vowels)
        {
            foreach (var (mark, tone) in marks)
            {
                var composed = (vowel + mark.ToString()).Normalize(NormalizationForm.FormC);
                if (composed.Length == 1)
                {
                    table[composed[0]] = (vowel, tone);
                }
            }
        }

        return table.Count == Vowels.Length * marks.Count
            ? table
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unicode tables lack Vietnamese vowels ({table.Count}); is InvariantGlobalization on?"));
    }
}
