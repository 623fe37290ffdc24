using System.Text;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// Marks the words of a passage that the query matched, with &lt;mark&gt; (which words: <see cref="MatchedWords"/>),
/// and picks the snippet: the best contiguous window of whole sentences around the matches (<see cref="TextUnits"/>;
/// navigation-like lines count for little), and a second window only when it adds query words the first lacks, one
/// ellipsis between them. Offsets are the original text's: the original letters are marked, NFD included. Text
/// is escaped with <see cref="MinimalHtmlEncoder"/>. Stateless and thread-safe.
/// </summary>
public static class PassageHighlighter
{
    public const string OpenTag = "<mark>";
    public const string CloseTag = "</mark>";
    private const int FragmentSize = 320;
    private const int LeadingContext = 60;
    private const char Ellipsis = '…';
    private const double NavigationWeight = 0.1;

    /// <summary>
    /// The best window of <paramref name="text"/> with the words the query looks for marked (the query's forms
    /// worked out once by <see cref="SearchedForms"/> for all the passages of a request); the start of the text
    /// when nothing matched.
    /// </summary>
    public static string Highlight(HighlightForms forms, string text, bool wholeText = false)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(text);
        var spans = MatchedWords.Find(forms, text);
        if (wholeText || text.Length <= FragmentSize)
        {
            return Render(text, 0, text.Length, spans);
        }

        var units = TextUnits.Split(text);
        if (spans.Count == 0)
        {
            var first = units.FirstOrDefault(u => !u.Navigation);
            var from = units.Count == 0 ? 0 : (first == default ? units[0] : first).Start;
            return Render(text, from, WordBoundaryBefore(text, Math.Min(text.Length, from + FragmentSize), from), spans, from > 0, true);
        }

        var windows = SnippetWindows(text, units, spans);
        var builder = new StringBuilder();
        for (var i = 0; i < windows.Count; i++)
        {
            var (start, end) = windows[i];
            builder.Append(i == 0 ? (start > 0 ? "…" : string.Empty) : " … ");
            builder.Append(Render(text, start, end, spans));
        }

        if (windows[^1].End < text.Length && !EndsWithEllipsis(builder))
        {
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }

    private static bool EndsWithEllipsis(StringBuilder builder) =>
        builder.Length > 0 && (builder[^1] == '…' || (builder.Length >= 3 && builder.ToString(builder.Length - 3, 3) == "..."));

    /// <summary>The forms a (rewritten) query looks for in the passage text.</summary>
    public static HighlightForms SearchedForms(Query query) => HighlightForms.Of(query);

    /// <summary>
    /// One or two windows, in text order, each a run of whole units (or, for a single sentence longer than a
    /// snippet, the part of it around its matches).
    /// </summary>
    private static List<(int Start, int End)> SnippetWindows(string text, List<TextUnit> units, List<MatchedWord> spans)
    {
        var best = BestWindow(text, units, spans, []);
        var chosen = new List<(int Start, int End)> { best.Window };
        var rest = spans.Where(s => !best.Keys.Contains(s.Key) && (s.End <= best.Window.Start || s.Start >= best.Window.End)).ToList();
        if (rest.Count > 0)
        {
            var second = BestWindow(text, units, rest, [best.Window]);
            if (second.Score > 0 && second.Window.End - second.Window.Start + best.Window.End - best.Window.Start <= FragmentSize * 3 / 2)
            {
                chosen.Add(second.Window);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (chosen.Count == 2 && chosen[0].End >= chosen[1].Start - 2)
        {
            chosen = [(chosen[0].Start, chosen[1].End)];
        }

        return chosen;
    }

    private static (double Score, (int Start, int End) Window, HashSet<string> Keys) BestWindow(string text, List<TextUnit> units, List<MatchedWord> spans, List<(int Start, int End)> taken)
    {
        var bestScore = double.NegativeInfinity;
        (int Start, int End) bestWindow = (0, 0);
        HashSet<string> bestKeys = [];
        // A match on a navigation-like line counts for little; worked out once, not per window.
        var weights = spans.Select(s => units.FirstOrDefault(u => s.Start >= u.Start && s.Start < u.End).Navigation ? NavigationWeight : 1).ToArray();
        for (var first = 0; first < units.Count; first++)
        {
            for (var last = first; last < units.Count && (last == first || units[last].End - units[first].Start <= FragmentSize); last++)
            {
                var window = (Start: units[first].Start, End: units[last].End);
                // Sentences and navigation-like lines never share a window; a window of the latter is the last resort.
                if (units[last].Navigation != units[first].Navigation || taken.Any(t => window.Start < t.End && window.End > t.Start))
                {
                    break;
                }

                if (window.End - window.Start > FragmentSize)
                {
                    window = AroundMatches(text, window, spans);
                }

                var keys = new HashSet<string>(StringComparer.Ordinal);
                var score = 0.0;
                for (var i = 0; i < spans.Count; i++)
                {
                    var span = spans[i];
                    if (span.Start >= window.Start && span.End <= window.End)
                    {
                        score += (keys.Add(span.Key) ? 1 : 0.1) * weights[i];
                    }
                }

                // Fewer, denser words win ties: a short sentence holding the words over a long window around it.
                score -= (window.End - window.Start) / (double)(FragmentSize * 100);
                if (score > bestScore)
                {
                    (bestScore, bestWindow, bestKeys) = (score, window, keys);
                }
            }
        }

        return (bestScore, bestWindow, bestKeys);
    }

    /// <summary>A window of a snippet's length inside a long sentence, starting a little before its first match.</summary>
    private static (int Start, int End) AroundMatches(string text, (int Start, int End) sentence, List<MatchedWord> spans)
    {
        var inside = spans.Where(s => s.Start >= sentence.Start && s.End <= sentence.End).ToList();
        var bestStart = sentence.Start;
        var bestCount = -1;
        foreach (var span in inside)
        {
            var start = Math.Max(sentence.Start, span.Start - LeadingContext);
            var keys = inside.Where(s => s.Start >= start && s.End <= start + FragmentSize).Select(s => s.Key).Distinct(StringComparer.Ordinal).Count();
            if (keys > bestCount)
            {
                (bestCount, bestStart) = (keys, start);
            }
        }

        var from = WordBoundaryAfterSpace(text, bestStart, sentence.Start);
        return (from, WordBoundaryBefore(text, Math.Min(sentence.End, from + FragmentSize), from));
    }

    private static string Render(string text, int start, int end, List<MatchedWord> spans, bool leadingEllipsis = false, bool trailingEllipsis = false)
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

    /// <summary>The end of the last whole word at or before <paramref name="index"/> (not before <paramref name="floor"/>).</summary>
    private static int WordBoundaryBefore(string text, int index, int floor)
    {
        if (index >= text.Length)
        {
            return text.Length;
        }

        var at = index;
        while (at > floor && !char.IsWhiteSpace(text[at]))
        {
            at--;
        }

        return at > floor ? at : index;
    }

    /// <summary>The start of the word at or after <paramref name="index"/>, unless it is the sentence's own start.</summary>
    private static int WordBoundaryAfterSpace(string text, int index, int sentenceStart)
    {
        if (index <= sentenceStart)
        {
            return sentenceStart;
        }

        while (index < text.Length && !char.IsWhiteSpace(text[index - 1]))
        {
            index++;
        }

        return index;
    }
}
