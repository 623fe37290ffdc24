using System.Text;
using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// Marks the words of a passage that the query matched, with &lt;mark&gt;, and picks the fragments that hold
/// the most distinct matches. A passage word is marked when its folded form is one the query searched for
/// (so an unaccented query marks accented letters, a typed đ marks only đ), or when it is a whole code
/// the query named. Offsets are the original text's: the original letters are marked, NFD included.
/// Text is escaped with <see cref="MinimalHtmlEncoder"/>. Stateless and thread-safe.
/// </summary>
public static class PassageHighlighter
{
    public const string OpenTag = "<mark>";
    public const string CloseTag = "</mark>";
    private const int FragmentSize = 320;
    private const int MaxFragments = 2;
    private const int LeadingContext = 60;
    private const string Ellipsis = " … ";

    /// <summary>
    /// The best fragments of <paramref name="text"/> with the words of <paramref name="forms"/> marked (the query's
    /// forms worked out once by <see cref="SearchedForms"/> for all the passages of a request); the start of the
    /// text when nothing matched.
    /// </summary>
    public static string Highlight(IReadOnlySet<string> forms, string text, bool wholeText = false)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(text);
        var spans = Matches(forms, text);
        if (wholeText || text.Length <= FragmentSize)
        {
            return Render(text, 0, text.Length, spans);
        }

        if (spans.Count == 0)
        {
            return MinimalHtmlEncoder.Encode(Shorten(text));
        }

        var windows = BestWindows(text, spans);
        return string.Join(Ellipsis, windows.Select(w => Render(text, w.Start, w.End, spans, w.Start > 0, w.End < text.Length)));
    }

    /// <summary>The folded forms (and whole codes) the query looks for in the passage text.</summary>
    public static IReadOnlySet<string> SearchedForms(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = new HashSet<Term>();
        query.ExtractTerms(terms);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            // Every syllable is searched in the folded field (as "dat", or as "đat" when typed with đ).
            if (term.Field == IndexFields.TextFolded)
            {
                forms.Add(term.Text);
            }
        }

        return forms;
    }

    private static List<(int Start, int End, string Key)> Matches(IReadOnlySet<string> forms, string text)
    {
        var spans = new List<(int Start, int End, string Key)>();
        if (forms.Count == 0)
        {
            return spans;
        }

        foreach (var token in TextTokenizer.Tokenize(text))
        {
            var normalized = VietnameseText.NormalizeTerm(token.TextOf(text));
            var folded = VietnameseText.Fold(normalized);
            var withStroke = VietnameseText.HasDStroke(normalized) ? VietnameseText.FoldKeepingDStroke(normalized) : null;
            // "dat" (typed d) marks dát and đất; "đat" (typed đ) marks only đất.
            var matched = forms.Contains(folded) || (withStroke is not null && forms.Contains(withStroke));
            if (!matched)
            {
                continue;
            }

            if (spans.Count > 0 && token.Start < spans[^1].End)
            {
                // A code part inside a code already marked whole.
                continue;
            }

            spans.Add((token.Start, token.End, folded));
        }

        return spans;
    }

    private static List<(int Start, int End)> BestWindows(string text, List<(int Start, int End, string Key)> spans)
    {
        var windows = new List<(int Start, int End, double Score)>();
        for (var i = 0; i < spans.Count; i++)
        {
            var start = WordBoundaryBefore(text, Math.Max(0, spans[i].Start - LeadingContext));
            var end = WordBoundaryAfter(text, Math.Min(text.Length, start + FragmentSize));
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            for (var j = i; j < spans.Count && spans[j].End <= end; j++)
            {
                keys.Add(spans[j].Key);
                count++;
            }

            windows.Add((start, end, keys.Count + (0.1 * count)));
        }

        var chosen = new List<(int Start, int End)>();
        foreach (var window in windows.OrderByDescending(w => w.Score).ThenBy(w => w.Start))
        {
            if (chosen.Count == MaxFragments)
            {
                break;
            }

            if (chosen.All(c => window.End <= c.Start || window.Start >= c.End))
            {
                chosen.Add((window.Start, window.End));
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private static string Render(string text, int start, int end, List<(int Start, int End, string Key)> spans, bool leadingEllipsis = false, bool trailingEllipsis = false)
    {
        var builder = new StringBuilder(end - start + 32);
        if (leadingEllipsis)
        {
            builder.Append('…');
        }

        var position = start;
        foreach (var span in spans)
        {
            if (span.Start < start || span.End > end)
            {
                continue;
            }

            builder.Append(MinimalHtmlEncoder.Encode(text[position..span.Start]))
                .Append(OpenTag)
                .Append(MinimalHtmlEncoder.Encode(text[span.Start..span.End]))
                .Append(CloseTag);
            position = span.End;
        }

        builder.Append(MinimalHtmlEncoder.Encode(text[position..end]));
        if (trailingEllipsis)
        {
            builder.Append('…');
        }

        return builder.ToString().Trim();
    }

    private static int WordBoundaryBefore(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int WordBoundaryAfter(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static string Shorten(string text)
    {
        if (text.Length <= FragmentSize)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', FragmentSize);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : FragmentSize), "…");
    }
}
