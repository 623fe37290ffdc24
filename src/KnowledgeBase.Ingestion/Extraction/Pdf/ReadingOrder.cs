namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// Puts the words of a page in reading order with a recursive XY cut: a region splits first at a vertical
/// gutter that runs its whole height (columns, read left to right), else at wide horizontal gaps (read top to
/// bottom), and a region that cannot be split is read line by line. A gutter narrower than usual (pdfTeX's two
/// columns) counts when a column edge lines up beside it. Stateless and thread-safe.
/// </summary>
internal static class ReadingOrder
{
    // Relative to the page's median font size.
    private const double GutterWidth = 0.9;
    private const double BandGap = 0.7;

    // A column must be at least this share of the region's width, so a column of labels ("a.", "1.2") is not cut off.
    private const double MinColumnShare = 0.2;

    // A narrower gutter (pdfTeX's) needs columns of at least this share each and an aligned column edge beside it.
    private const double NarrowGutterWidth = 0.5;
    private const double NarrowColumnShare = 0.35;
    private const double AlignedEdge = 1.0;
    private const int MinAlignedLines = 5;
    private const double AlignedShare = 0.5;

    // Columns of prose, not the cells of a table ("0 0 x0"): this many words a line on each side, on average.
    private const int MinWordsPerLine = 3;

    public static List<PdfLine> Lines(IReadOnlyList<PdfWord> words)
    {
        var lines = new List<PdfLine>();
        if (words.Count == 0)
        {
            return lines;
        }

        var median = Median(words.Select(w => w.Size));
        var regions = new List<List<PdfWord>>();
        Cut([.. words], median, regions);
        for (var region = 0; region < regions.Count; region++)
        {
            foreach (var line in GroupLines(regions[region], region))
            {
                // A line the cut split at a wide gap (a heading with a date at the right) is one line again.
                if (lines.Count > 0 && lines[^1] is var last
                    && Math.Abs(last.Baseline - line.Baseline) < 0.3 * Math.Min(last.Size, line.Size)
                    && line.Left >= last.Right - 1)
                {
                    lines[^1] = last with { Text = last.Text + " " + line.Text, Right = line.Right, Size = Math.Max(last.Size, line.Size) };
                    continue;
                }

                lines.Add(line);
            }
        }

        return lines;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static void Cut(List<PdfWord> region, double median, List<List<PdfWord>> leaves)
    {
        if (region.Count < 2)
        {
            leaves.Add(region);
            return;
        }

        if (TryVerticalCut(region, median, out var left, out var right))
        {
            Cut(left, median, leaves);
            Cut(right, median, leaves);
            return;
        }

        var bands = HorizontalBands(region, median);
        if (bands.Count < 2)
        {
            leaves.Add(region);
            return;
        }

        foreach (var band in bands)
        {
            Cut(band, median, leaves);
        }
    }

    private static bool TryVerticalCut(List<PdfWord> region, double median, out List<PdfWord> left, out List<PdfWord> right)
    {
        left = right = [];
        region.Sort((a, b) => a.Left.CompareTo(b.Left));
        var regionLeft = region[0].Left;
        var regionRight = region.Max(w => w.Right);
        var width = regionRight - regionLeft;
        var minGap = Math.Max(GutterWidth * median, 3);
        var narrowGap = Math.Max(NarrowGutterWidth * median, 3);
        var maxRight = region[0].Right;
        var bestGap = 0.0;
        var bestAt = -1;
        List<(int At, double Gap, double Edge)>? narrow = null;
        for (var i = 1; i < region.Count; i++)
        {
            var gap = region[i].Left - maxRight;
            var leftShare = (maxRight - regionLeft) / width;
            var rightShare = (regionRight - region[i].Left) / width;
            if (gap >= minGap && gap > bestGap && leftShare >= MinColumnShare && rightShare >= MinColumnShare)
            {
                bestGap = gap;
                bestAt = i;
            }
            else if (gap >= narrowGap && gap < minGap && leftShare >= NarrowColumnShare && rightShare >= NarrowColumnShare)
            {
                (narrow ??= []).Add((i, gap, maxRight));
            }

            maxRight = Math.Max(maxRight, region[i].Right);
        }

        if (bestAt < 0 && narrow is not null)
        {
            bestAt = NarrowGutter(region, narrow, median);
        }

        if (bestAt < 0)
        {
            return false;
        }

        left = region.GetRange(0, bestAt);
        right = region.GetRange(bestAt, region.Count - bestAt);
        return true;
    }

    /// <summary>
    /// A gutter narrower than <see cref="GutterWidth"/> (pdfTeX's two columns are often 10 pt apart in 12 pt text)
    /// splits columns only when one of its edges is a column's edge: most lines on its right start at the same x,
    /// or most lines on its left end at the same x (justified), and both sides are prose (a table's narrow
    /// columns stay rows). A chance river of word gaps through a paragraph has no aligned edge. The widest such gutter wins; -1 when none.
    /// </summary>
    private static int NarrowGutter(List<PdfWord> region, List<(int At, double Gap, double Edge)> candidates, double median)
    {
        var bestAt = -1;
        var bestGap = 0.0;
        foreach (var (at, gap, edge) in candidates)
        {
            if (gap <= bestGap)
            {
                continue;
            }

            var start = region[at].Left;
            var rightLines = CountLines(region, at, region.Count, median, _ => true);
            var starts = CountLines(region, at, region.Count, median, w => w.Left - start <= AlignedEdge);
            var leftLines = CountLines(region, 0, at, median, _ => true);
            var ends = CountLines(region, 0, at, median, w => edge - w.Right <= AlignedEdge);
            var prose = region.Count - at >= MinWordsPerLine * rightLines && at >= MinWordsPerLine * leftLines;
            if (prose && ((starts >= MinAlignedLines && starts >= AlignedShare * rightLines)
                || (ends >= MinAlignedLines && ends >= AlignedShare * leftLines)))
            {
                bestAt = at;
                bestGap = gap;
            }
        }

        return bestAt;
    }

    // How many distinct baselines the words region[from..to) that match have.
    private static int CountLines(List<PdfWord> region, int from, int to, double median, Func<PdfWord, bool> match)
    {
        var baselines = new List<double>();
        for (var i = from; i < to; i++)
        {
            if (match(region[i]))
            {
                baselines.Add(region[i].Baseline);
            }
        }

        baselines.Sort();
        var count = 0;
        for (var i = 0; i < baselines.Count; i++)
        {
            if (i == 0 || baselines[i] - baselines[i - 1] > 0.5 * median)
            {
                count++;
            }
        }

        return count;
    }

    private static List<List<PdfWord>> HorizontalBands(List<PdfWord> region, double median)
    {
        region.Sort((a, b) => b.Top.CompareTo(a.Top));
        var bands = new List<List<PdfWord>>();
        var band = new List<PdfWord> { region[0] };
        var minBottom = region[0].Bottom;
        for (var i = 1; i < region.Count; i++)
        {
            if (minBottom - region[i].Top >= BandGap * median)
            {
                bands.Add(band);
                band = [];
            }

            band.Add(region[i]);
            minBottom = Math.Min(minBottom, region[i].Bottom);
        }

        bands.Add(band);
        return bands;
    }

    private static List<PdfLine> GroupLines(List<PdfWord> region, int regionIndex)
    {
        region.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
        var result = new List<PdfLine>();
        var i = 0;
        while (i < region.Count)
        {
            var first = region[i];
            var members = new List<PdfWord> { first };
            var j = i + 1;
            while (j < region.Count && first.Baseline - region[j].Baseline < 0.5 * Math.Min(first.Size, region[j].Size))
            {
                members.Add(region[j]);
                j++;
            }

            members.Sort((a, b) => a.Left.CompareTo(b.Left));
            result.Add(new PdfLine(
                string.Join(' ', members.Select(m => m.Text)),
                members[0].Left,
                members.Max(m => m.Right),
                first.Baseline,
                Median(members.Select(m => m.Size)),
                regionIndex));
            i = j;
        }

        return result;
    }
}
