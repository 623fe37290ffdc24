using System.Text.RegularExpressions;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// A document's language, coarsely: "vi" when a fair share of its words carry Vietnamese diacritics,
/// "en" when English function words are common, else "und". Enough for the language facet; not a
/// general language identifier. Stateless and thread-safe.
/// </summary>
public static partial class LanguageGuesser
{
    private const int SampleWords = 5000;
    private static readonly HashSet<string> EnglishFunctionWords =
        new(["the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "are", "this", "be", "by", "as"], StringComparer.Ordinal);

    public static string Guess(IEnumerable<ExtractedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var words = pages.SelectMany(p => p.Blocks).SelectMany(b => Word().Matches(b.Text)).Take(SampleWords).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return "und";
        }

        var vietnamese = words.Count(w => VietnameseText.HasDiacritics(w));
        if (vietnamese >= words.Count * 0.15)
        {
            return "vi";
        }

        // Unaccented Vietnamese has "the" and "to" too: ask for several different function words.
        var english = words.Select(w => w.ToLowerInvariant()).Where(EnglishFunctionWords.Contains).ToList();
        return english.Count >= words.Count * 0.08 && english.Distinct(StringComparer.Ordinal).Count() >= 3 ? "en" : vietnamese > 0 ? "vi" : "und";
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
