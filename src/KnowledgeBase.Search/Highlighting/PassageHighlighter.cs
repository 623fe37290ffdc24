using System.Text;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// Marks the words of a passage that the query matched, with &lt;mark&gt; (which words: <see cref="MatchedWords"/>),
/// and picks the snippet: the best contiguous window of whole sentences around the matches (<see cref="TextUnits"/>;
/// navigation-like lines count for little), and a second window only when it adds query words the first lacks, one
/// ellipsis between them. A window is scored by the distinct query words it holds: each of the query's pairs found side
/// by side adds as much again, and a lone syllable of a pair (<c>hệ</c> of <c>quan hệ</c> for <c>hệ thống</c>) counts
/// for less; a passage whose best window is one such lone syllable shows its start (that syllable unmarked), as a
/// passage without matches, and a
/// second window made only of lone syllables is left out. Offsets are the original text's: the original letters are marked, NFD included. Text
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

    /// <summary>A lone syllable of one of the query's pairs: most often another word (<c>quan hệ</c> for <c>hệ thống</c>).</summary>
    private const double LoneWeight = 0.4;

    /// <summary>One of the query's pairs side by side in the window, on top of its two syllables.</summary>
    private const double PairWeight = 1;

    /// <summary>A query word seen again in the window.</summary>
    private const double RepeatWeight = 0.1;

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
        var windows = spans.Count == 0 ? null : SnippetWindows(text, units, spans);
        if (windows is null)
        {
            // Nothing matched, or only a lone syllable of a pair: the passage's start, without marking that syllable
            // (eight marked "hành" of "thi hành án" say nothing of "hành chính").
            var first = units.FirstOrDefault(u => !u.Navigation);
            var from = units.Count == 0 ? 0 : (first == default ? units[0] : first).Start;
            return Render(text, from, WordBoundaryBefore(text, Math.Min(text.Length, from + FragmentSize), from), [.. spans.Where(s => !s.Lone)], from > 0, true);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < windows.Count; i++)
        {
            var (start, end) = windows[i];
            builder.Append(i == 0 ? (start > 0 ? "…" : string.Empty) : " … ");
            builder.Append(Render(text, start, end, spans));
        }

        if (windows[^1].End < text.Length && !EndsWithEllipsis(builder))
        {
            builder.Append(TrailingEllipsis(builder.Length > 0 ? builder[^1] : ' '));
        }

        return builder.ToString();
    }

    private static bool EndsWithEllipsis(StringBuilder builder) =>
        builder.Length > 0 && (builder[^1] == '…' || (builder.Length >= 3 && builder.ToString(builder.Length - 3, 3) == "..."));

    /// <summary>The forms a (rewritten) query looks for in the passage text.</summary>
    public static HighlightForms SearchedForms(Query query) => HighlightForms.Of(query);

    /// <summary>
    /// One or two windows, in text order, each a run of whole units (or, for a single sentence longer than a
    /// snippet, the part of it around its matches); null when the best window holds nothing but one lone syllable of
    /// the query's pairs (the passage's start is shown instead: a window around <c>quan hệ</c> says nothing of
    /// <c>hệ thống</c>).
    /// </summary>
    private static List<(int Start, int End)>? SnippetWindows(string text, List<TextUnit> units, List<MatchedWord> spans)
    {
        var best = BestWindow(text, units, spans, []);
        if (IsLoneSyllable(best.Window, spans))
        {
            return null;
        }

        var chosen = new List<(int Start, int End)> { best.Window };
        var rest = spans.Where(s => !best.Keys.Contains(s.Key) && (s.End <= best.Window.Start || s.Start >= best.Window.End)).ToList();
        if (rest.Count > 0)
        {
            var second = BestWindow(text, units, rest, [best.Window]);
            if (second.Score > 0 && !OnlyLoneSyllables(second.Window, rest) && second.Window.End - second.Window.Start + best.Window.End - best.Window.Start <= FragmentSize * 3 / 2)
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
        var weights = spans.Select(s => (units.FirstOrDefault(u => s.Start >= u.Start && s.Start < u.End).Navigation ? NavigationWeight : 1) * (s.Lone ? LoneWeight : 1)).ToArray();
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
                    window = AroundMatches(text, window, spans, weights);
                }

                var (score, keys) = Score(spans, weights, window);

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
    private static (int Start, int End) AroundMatches(string text, (int Start, int End) sentence, List<MatchedWord> spans, double[] weights)
    {
        var bestStart = sentence.Start;
        var bestScore = double.NegativeInfinity;
        foreach (var span in spans)
        {
            if (span.Start < sentence.Start || span.End > sentence.End)
            {
                continue;
            }

            var start = Math.Max(sentence.Start, span.Start - LeadingContext);
            var (score, _) = Score(spans, weights, (start, Math.Min(sentence.End, start + FragmentSize)));
            if (score > bestScore)
            {
                (bestScore, bestStart) = (score, start);
            }
        }

        var from = WordBoundaryAfterSpace(text, bestStart, sentence.Start);
        return (from, WordBoundaryBefore(text, Math.Min(sentence.End, from + FragmentSize), from));
    }

    /// <summary>
    /// The query words inside a window: each distinct one by its best weight (a lone syllable of a pair counts
    /// <see cref="LoneWeight"/>, one on a navigation-like line <see cref="NavigationWeight"/>), each repeat a tenth of
    /// that, and each distinct pair of the query found side by side <see cref="PairWeight"/> more.
    /// </summary>
    private static (double Score, HashSet<string> Keys) Score(List<MatchedWord> spans, double[] weights, (int Start, int End) window)
    {
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var pairs = new Dictionary<string, double>(StringComparer.Ordinal);
        var repeats = 0.0;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Start < window.Start || span.End > window.End)
            {
                continue;
            }

            if (best.TryGetValue(span.Key, out var weight))
            {
                repeats += RepeatWeight * Math.Min(weight, weights[i]);
                best[span.Key] = Math.Max(weight, weights[i]);
            }
            else
            {
                best[span.Key] = weights[i];
            }

            if (span.ContinuesPair && i > 0 && spans[i - 1].Start >= window.Start)
            {
                var pair = spans[i - 1].Key + " " + span.Key;
                pairs[pair] = Math.Max(pairs.GetValueOrDefault(pair), PairWeight * weights[i]);
            }
        }

        return (best.Values.Sum() + repeats + pairs.Values.Sum(), new HashSet<string>(best.Keys, StringComparer.Ordinal));
    }

    /// <summary>Whether the matches inside the window are one lone syllable of the query's pairs, maybe repeated.</summary>
    private static bool IsLoneSyllable((int Start, int End) window, List<MatchedWord> spans) =>
        OnlyLoneSyllables(window, spans) && spans.Where(s => s.Start >= window.Start && s.End <= window.End).Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() == 1;

    /// <summary>Whether every match inside the window is a lone syllable of the query's pairs (a second window must add a word).</summary>
    private static bool OnlyLoneSyllables((int Start, int End) window, List<MatchedWord> spans)
    {
        var any = false;
        foreach (var span in spans)
        {
            if (span.Start >= window.Start && span.End <= window.End)
            {
                if (!span.Lone)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
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
        var rendered = builder.ToString().Trim();
        return trailingEllipsis ? rendered + TrailingEllipsis(rendered.Length > 0 ? rendered[^1] : ' ') : rendered;
    }

    /// <summary>The ellipsis after a snippet ending in <paramref name="last"/>: set apart after a whole sentence ("xây. …", not "xây.…").</summary>
    private static string TrailingEllipsis(char last) => last is '.' or '?' or '!' or ';' or ':' ? " " + Ellipsis : Ellipsis.ToString();

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
