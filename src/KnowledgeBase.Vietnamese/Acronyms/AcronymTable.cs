using System.Buffers;
using KnowledgeBase.Vietnamese.Queries;
using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Acronyms;

/// <summary>
/// Looks acronyms up both ways for a query: a typed acronym gives its expansions, a typed expansion gives
/// its acronym. Accents count as typed (an accented syllable must match exactly, an unaccented one
/// matches folded) and a typed đ matches only đ. Immutable and thread-safe once built.
/// </summary>
public sealed class AcronymTable
{
    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");
    private readonly Dictionary<string, List<Acronym>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Acronym>> _byFirstSyllable = new(StringComparer.Ordinal);

    public AcronymTable(IEnumerable<Acronym> acronyms)
    {
        ArgumentNullException.ThrowIfNull(acronyms);
        foreach (var acronym in acronyms.Distinct())
        {
            Add(_byKey, acronym.Key, acronym);
            Add(_byFirstSyllable, VietnameseText.Fold(acronym.Syllables[0]), acronym);
            Count++;
        }
    }

    /// <summary>The curated list alone.</summary>
    public static AcronymTable Curated { get; } = new(CuratedAcronyms.All);

    public int Count { get; }

    /// <summary>
    /// Expansions of <paramref name="term"/> when it is an acronym. A term that could be an ordinary
    /// syllable (<c>tha</c>, <c>papi</c>) counts only when typed in capitals.
    /// </summary>
    public IReadOnlyList<Acronym> ExpansionsOf(QueryTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.Kind is not (TokenKind.Word or TokenKind.Code) || !_byKey.TryGetValue(term.Folded, out var candidates))
        {
            return [];
        }

        if (term.Folded.AsSpan().IndexOfAny(Vowels) >= 0 && term.Text.Any(char.IsLower))
        {
            return [];
        }

        var typedStroke = VietnameseText.HasDStroke(term.Exact);
        return typedStroke
            ? candidates.Where(a => string.Equals(VietnameseText.FoldKeepingDStroke(VietnameseText.NormalizeTerm(a.ShortForm)), term.FoldedMatch, StringComparison.Ordinal)).ToList()
            : candidates;
    }

    /// <summary>Expansions spelled out in the query (<c>… cải cách hành chính …</c> → <c>CCHC</c>), longest first where they overlap.</summary>
    public IReadOnlyList<AcronymMatch> FindExpansions(IReadOnlyList<QueryTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var words = new List<int>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Kind != TokenKind.Code)
            {
                words.Add(i);
            }
        }

        var matches = new List<AcronymMatch>();
        for (var w = 0; w < words.Count; w++)
        {
            if (!_byFirstSyllable.TryGetValue(terms[words[w]].Folded, out var candidates))
            {
                continue;
            }

            foreach (var acronym in candidates.OrderByDescending(a => a.Syllables.Count))
            {
                if (w + acronym.Syllables.Count <= words.Count && SpellsOut(terms, words, w, acronym))
                {
                    matches.Add(new AcronymMatch(words[w], words[w + acronym.Syllables.Count - 1], acronym));
                }
            }
        }

        return matches;
    }

    private static bool SpellsOut(IReadOnlyList<QueryTerm> terms, List<int> words, int start, Acronym acronym)
    {
        for (var k = 0; k < acronym.Syllables.Count; k++)
        {
            var term = terms[words[start + k]];
            var syllable = acronym.Syllables[k];
            var same = term.Accented
                ? string.Equals(term.Exact, syllable, StringComparison.Ordinal)
                : string.Equals(term.Folded, VietnameseText.Fold(syllable), StringComparison.Ordinal);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(Dictionary<string, List<Acronym>> index, string key, Acronym acronym)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(acronym);
    }
}
