using System.Globalization;
using System.Text;

namespace KnowledgeBase.Vietnamese.Text;

/// <summary>
/// Spellings of one Vietnamese syllable that differ by convention, not by word. After <c>h</c>, <c>k</c>, <c>l</c>,
/// <c>m</c>, <c>s</c>, <c>t</c> and <c>qu</c>, a final <c>i</c> and <c>y</c> are the same sound, and both spellings are
/// in current use (the 1980 school orthography writes <c>i</c>, much of the press and the law <c>y</c>): <c>kì</c> / <c>kỳ</c>,
/// <c>lí</c> / <c>lý</c>, <c>mĩ</c> / <c>mỹ</c>, <c>kĩ</c> / <c>kỹ</c>, <c>tỉ</c> / <c>tỷ</c>, <c>sĩ</c> / <c>sỹ</c>,
/// <c>quí</c> / <c>quý</c>, <c>hi</c> / <c>hy</c>. The tone mark stays on the vowel. The same class of variant as the
/// tone placement <see cref="VietnameseText.NormalizeTerm"/> already evens out (<c>hoà</c> / <c>hòa</c>), kept apart because
/// it changes letters: the index holds each spelling as written, and a query matches the other one too. Stateless and
/// thread-safe.
/// </summary>
public static class SpellingVariants
{
    /// <summary>
    /// The other spellings of a term whose syllables are joined by <paramref name="separator"/> (a pair of the shingle
    /// fields, or one syllable): each combination with at least one syllable in its other i/y spelling. At most three.
    /// </summary>
    public static IReadOnlyList<string> OfTerm(string term, char separator)
    {
        ArgumentNullException.ThrowIfNull(term);
        var parts = term.Split(separator);
        if (parts.Length > 2)
        {
            return [];
        }

        var options = parts.Select(p => OtherIY(p) is { } other ? new[] { p, other } : [p]).ToArray();
        if (options.All(o => o.Length == 1))
        {
            return [];
        }

        IEnumerable<string> combinations = options[0];
        if (options.Length == 2)
        {
            combinations = options[0].SelectMany(a => options[1].Select(b => a + separator + b));
        }

        return combinations.Where(c => !string.Equals(c, term, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// The other i/y spelling of <paramref name="syllable"/> — a normalized term (<see cref="VietnameseText.NormalizeTerm"/>)
    /// or its folded form — or null when it has none: a syllable that is not one of those onsets followed by a lone
    /// <c>i</c> or <c>y</c> (<c>ý</c>, <c>vi</c>, <c>thi</c>, <c>tin</c>, <c>quyết</c> have none).
    /// </summary>
    public static string? OtherIY(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        var onset = syllable.Length switch
        {
            2 when syllable[0] is 'h' or 'k' or 'l' or 'm' or 's' or 't' => 1,
            3 when syllable.StartsWith("qu", StringComparison.Ordinal) => 2,
            _ => 0,
        };
        if (onset == 0)
        {
            return null;
        }

        var vowel = syllable[onset..].Normalize(NormalizationForm.FormD);
        var swapped = vowel[0] switch
        {
            'i' => 'y',
            'y' => 'i',
            _ => '\0',
        };
        if (swapped == '\0' || vowel.Skip(1).Any(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            return null;
        }

        return string.Concat(syllable.AsSpan(0, onset), (swapped + vowel[1..]).Normalize(NormalizationForm.FormC));
    }
}
