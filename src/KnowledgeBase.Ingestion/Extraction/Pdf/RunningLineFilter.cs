using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// Finds running headers, footers and page numbers: lines in the top or bottom margin band that recur (digits
/// aside) on many pages, and margin lines that are only a page number ("12", "- 12 -", "Trang 3/6", "Page 2 of 9").
/// Stateless and thread-safe.
/// </summary>
internal static partial class RunningLineFilter
{
    // The margin bands, as shares of the page height, and how many lines from each edge are looked at.
    private const double MarginShare = 0.12;
    private const int LinesPerEdge = 3;

    // A line must recur on at least this share of the pages with text (and on two pages at least).
    private const double RecurrenceShare = 0.3;

    /// <summary>For each page, the indexes (into its lines) of the lines to drop.</summary>
    public static IReadOnlyList<HashSet<int>> Find(IReadOnlyList<PdfPageLayout> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var drop = pages.Select(_ => new HashSet<int>()).ToList();
        var candidates = new List<(int Page, int Line, string Key)>();
        var pagesPerKey = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var index in MarginLines(pages[p]))
            {
                var text = pages[p].Lines[index].Text;
                if (PageNumber().IsMatch(text))
                {
                    drop[p].Add(index);
                    continue;
                }

                var key = Key(text);
                if (key.Length == 0)
                {
                    continue;
                }

                candidates.Add((p, index, key));
                if (!pagesPerKey.TryGetValue(key, out var set))
                {
                    pagesPerKey[key] = set = [];
                }

                set.Add(p);
            }
        }

        var pagesWithText = pages.Count(p => p.Lines.Count > 0);
        var needed = Math.Max(2, (int)Math.Ceiling(RecurrenceShare * pagesWithText));
        var pageKeys = new string?[pages.Count];
        var running = new List<int>[pages.Count];
        var isRunning = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (page, line, key) in candidates)
        {
            if (!isRunning.TryGetValue(key, out var recurs))
            {
                isRunning[key] = recurs = pagesPerKey[key].Count >= needed && !OnlyOnIdenticalPages(pages, pagesPerKey[key], pageKeys);
            }

            if (recurs)
            {
                (running[page] ??= []).Add(line);
            }
        }

        // A line is running only when the page holds other text: a page of nothing but its recurring lines (a
        // document of identical pages, a cover with the header) keeps them.
        for (var p = 0; p < pages.Count; p++)
        {
            if (running[p] is { } lines && drop[p].Count + lines.Count < pages[p].Lines.Count)
            {
                drop[p].UnionWith(lines);
            }
        }

        return drop;
    }

    // Pages whose whole text is the same are copies of one page, not pages sharing a header.
    private static bool OnlyOnIdenticalPages(IReadOnlyList<PdfPageLayout> pages, HashSet<int> onPages, string?[] pageKeys)
    {
        string? first = null;
        foreach (var p in onPages)
        {
            var key = pageKeys[p] ??= Key(string.Join('\n', pages[p].Lines.Select(l => l.Text)));
            if (first is null)
            {
                first = key;
            }
            else if (!string.Equals(first, key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<int> MarginLines(PdfPageLayout page)
    {
        if (page.Lines.Count == 0 || page.Height <= 0)
        {
            yield break;
        }

        var topLimit = page.Bottom + (page.Height * (1 - MarginShare));
        var bottomLimit = page.Bottom + (page.Height * MarginShare);
        var byHeight = Enumerable.Range(0, page.Lines.Count).OrderByDescending(i => page.Lines[i].Baseline).ToList();
        foreach (var i in byHeight.Take(LinesPerEdge).Where(i => page.Lines[i].Baseline >= topLimit))
        {
            yield return i;
        }

        foreach (var i in byHeight.AsEnumerable().Reverse().Take(LinesPerEdge).Where(i => page.Lines[i].Baseline <= bottomLimit))
        {
            if (page.Lines[i].Baseline < topLimit)
            {
                yield return i;
            }
        }
    }

    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsDigit(c))
            {
                if (builder.Length == 0 || builder[^1] != '#')
                {
                    builder.Append('#');
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"^[\s\-–—\[\(|]*((trang|page|tr\.)\s*)?(\d{1,4}|[ivxlc]{1,7})(\s*(/|of|trên|-)\s*\d{1,4})?[\s\-–—\]\)|]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
