using System.Buffers;

namespace KnowledgeBase.Vietnamese.Text;

/// <summary>
/// Whether a folded, lower-case token has the shape of a Vietnamese syllable: an initial consonant
/// (b, ch, gh, ngh, qu…), a vowel group and an optional final (c, ch, m, n, ng, nh, p, t). Only the shape:
/// <c>khu</c> and <c>tinh</c> pass, <c>canada</c>, <c>roosevelt</c>, <c>covid</c> and <c>ubnd</c> do not.
/// A token that cannot be a syllable carries no accents, so it means the same typed with or without them.
/// Stateless and thread-safe.
/// </summary>
public static class SyllableShape
{
    private static readonly string[] Initials =
        ["ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", string.Empty];

    private static readonly string[] Finals = ["ch", "ng", "nh", "c", "m", "n", "p", "t", string.Empty];

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    /// <summary>True for a possible Vietnamese syllable (folded: no diacritics, đ as d).</summary>
    public static bool IsPossible(ReadOnlySpan<char> folded)
    {
        if (folded.Length is 0 or > 7)
        {
            return false;
        }

        foreach (var initial in Initials)
        {
            if (!folded.StartsWith(initial, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = folded[initial.Length..];
            var vowels = 0;
            while (vowels < rest.Length && Vowels.Contains(rest[vowels]))
            {
                vowels++;
            }

            // One to three vowels (oai, uye, ươi folded to uoi), then at most a final consonant group.
            if (vowels is 0 or > 3)
            {
                continue;
            }

            var final = rest[vowels..];
            foreach (var candidate in Finals)
            {
                if (final.SequenceEqual(candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
