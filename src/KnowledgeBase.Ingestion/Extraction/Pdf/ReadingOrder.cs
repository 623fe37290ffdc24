namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// Puts the words of a page in reading order with a recursive XY cut: a region splits first at a vertical
/// gutter that runs its whole height (columns, read left to right), else at wide horizontal gaps (read top to
/// bottom), and a region that cannot be split is read line by line. Stateless and thread-safe.
/// </summary>
internal static class ReadingOrder
{
    // Relative to the page's median font size.
    private const double GutterWidth = 0.9;
    private const double BandGap = 0.7;

    // A column must be at least this share of the region's width, so a column of labels ("a.", "1.2") is not cut off.
    private const double MinColumnShare = 0.2;

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
        var maxRight = region[0].Right;
        var bestGap = 0.0;
        var bestAt = -1;
        for (var i = 1; i < region.Count; i++)
        {
            var gap = region[i].Left - maxRight;
            if (gap >= minGap && gap > bestGap
                && maxRight - regionLeft >= MinColumnShare * width
                && regionRight - region[i].Left >= MinColumnShare * width)
            {
                bestGap = gap;
                bestAt = i;
            }

            maxRight = Math.Max(maxRight, region[i].Right);
        }

        if (bestAt < 0)
        {
            return false;
        }

        left = region.GetRange(0, bestAt);
        right = region.GetRange(bestAt, region.Count - bestAt);
        return true;
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
