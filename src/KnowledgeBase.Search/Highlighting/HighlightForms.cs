using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// What a query looks for in a passage's text, worked out once per request from its (rewritten) Lucene query:
/// the folded forms of its syllables (and whole codes, and the spellings a typo expanded to), the exact forms
/// the user typed with accents, keyed by their folded form, and its neighbouring pairs. Immutable.
/// </summary>
public sealed class HighlightForms
{
    public static HighlightForms None { get; } = new([], new Dictionary<string, HashSet<string>>(StringComparer.Ordinal), []);

    private HighlightForms(HashSet<string> folded, Dictionary<string, HashSet<string>> exact, HashSet<string> pairs)
    {
        Folded = folded;
        Exact = exact;
        Pairs = pairs;
        PairedKeys = new HashSet<string>(pairs.SelectMany(p => p.Split(Analysis.SyllableShingleFilter.Separator)), StringComparer.Ordinal);
    }

    /// <summary>Forms searched in the folded field ("dat"; "đat" when typed with đ).</summary>
    public IReadOnlySet<string> Folded { get; }

    /// <summary>Per plain folded form, the exact (accented, normalized) forms the query holds.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Exact { get; }

    /// <summary>Neighbouring syllables of the query, plain folded and joined as the pair field holds them.</summary>
    public IReadOnlySet<string> Pairs { get; }

    /// <summary>Plain folded syllables that belong to one of <see cref="Pairs"/>.</summary>
    public IReadOnlySet<string> PairedKeys { get; }

    /// <summary>Only the given folded forms, nothing exact and no pairs: every accent form of them is marked.</summary>
    public static HighlightForms OfFolded(IEnumerable<string> folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return new([.. folded], new Dictionary<string, HashSet<string>>(StringComparer.Ordinal), []);
    }

    /// <summary>The forms of a rewritten query (typo expansions are only known once rewritten).</summary>
    public static HighlightForms Of(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = new HashSet<Term>();
        query.ExtractTerms(terms);
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var exact = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            switch (term.Field)
            {
                case IndexFields.TextFolded:
                    folded.Add(term.Text);
                    break;
                case IndexFields.Text:
                    var key = VietnameseText.Fold(term.Text);
                    if (!exact.TryGetValue(key, out var forms))
                    {
                        exact[key] = forms = new HashSet<string>(StringComparer.Ordinal);
                    }

                    forms.Add(term.Text);
                    break;
                case IndexFields.TextBigrams:
                    pairs.Add(VietnameseText.Fold(term.Text));
                    break;
            }
        }

        return new(folded, exact, pairs);
    }
}
