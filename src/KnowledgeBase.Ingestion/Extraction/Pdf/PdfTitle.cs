using System.Text.RegularExpressions;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// A PDF's title: its metadata title when that is real text (not "Microsoft Word - x.doc", a file name or
/// "Untitled"), else the largest text of its first pages with the lines that continue it ("QUY ĐỊNH VÀ HƯỚNG DẪN
/// TRÌNH BÀY BÁO" + "CÁO ĐỒ ÁN"), never a running header, a page number or a lone label ("Trường:"), and not a
/// chapter heading ("Chương 1. …") when another title stands on the page, or when the document runs its own title
/// in its headers ("Thiết Kế Hệ Thống Số" above every page of a book that opens on chapter 1). Stateless and
/// thread-safe.
/// </summary>
internal static partial class PdfTitle
{
    private const int MaxLength = 200;
    private const int PagesLooked = 2;
    private const int MaxWords = 16;

    // Lines of one title: sizes within this share of each other, the next baseline within this many sizes.
    private const double SameSize = 0.08;
    private const double ContinuationPitch = 2.0;

    // A running title is set at least this large relative to the body text.
    private const double RunningTitleSize = 0.95;

    public static string? Choose(string? metadataTitle, IReadOnlyList<PdfPageLayout> layouts, IReadOnlyList<HashSet<int>> drop, IReadOnlyList<ExtractedPage> pages)
    {
        var metadata = CleanMetadata(metadataTitle);
        if (metadata is not null && IsRealMetadataTitle(metadata))
        {
            return metadata;
        }

        for (var p = 0; p < Math.Min(PagesLooked, layouts.Count); p++)
        {
            if (pages[p].Verdict is not (PageVerdict.Ok or PageVerdict.Repaired) || pages[p].Method == ExtractionMethod.Ocr)
            {
                continue;
            }

            if (FromLayout(layouts[p], drop[p]) is { } title)
            {
                // A book that opens on its first chapter: the title it runs in its headers, if it has one.
                return ChapterHeading().IsMatch(title) && RunningTitle(layouts, drop) is { } running ? running : title;
            }
        }

        // Else the first heading, and on OCR'd pages (no layout) the first block, that reads as a title, from a
        // page read well.
        var readable = pages.Where(p => p.Verdict is PageVerdict.Ok or PageVerdict.Repaired or PageVerdict.Ocr).ToList();
        var heading = readable.SelectMany(p => p.Blocks).Where(b => b.Kind == TextBlockKind.Heading).Select(b => b.Text).FirstOrDefault(IsTitleText);
        var ocr = readable.Where(p => p.Method == ExtractionMethod.Ocr).SelectMany(p => p.Blocks).Select(b => b.Text).FirstOrDefault(IsTitleText);
        return (heading ?? ocr) is { Length: <= MaxLength } found ? found : null;
    }

    public static string? CleanMetadata(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Metadata of legacy-font documents is often in the same legacy encoding.
        var (text, _) = LegacyEncodingDetector.Repair(VietnameseText.ToNfc(value.Trim()));
        return text;
    }

    private static bool IsRealMetadataTitle(string title) =>
        !title.StartsWith("Microsoft Word", StringComparison.OrdinalIgnoreCase)
        && !FileName().IsMatch(title)
        && !Placeholder().IsMatch(title)
        && title.Count(char.IsLetter) >= 3;

    private static string? FromLayout(PdfPageLayout layout, HashSet<int> drop)
    {
        var lines = layout.Lines;
        var candidates = new List<(string Text, double Size)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (drop.Contains(i))
            {
                continue;
            }

            var text = lines[i].Text.Trim();
            var j = i;
            while (j + 1 < lines.Count && !drop.Contains(j + 1) && Continues(lines[j], lines[j + 1]) && !IsLabel(text))
            {
                j++;
                text += " " + lines[j].Text.Trim();
            }

            candidates.Add((text, lines[i].Size));
            if (j > i)
            {
                // A title line followed by a subtitle of its size: the line alone, when the two are too long together.
                candidates.Add((lines[i].Text.Trim(), lines[i].Size));
            }

            i = j;
        }

        var body = BodySize(lines);
        var ranked = candidates.Where(c => IsTitleText(c.Text) && c.Text.Length <= MaxLength).OrderByDescending(c => c.Size).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        // A chapter heading only when no other heading-sized text is there.
        var better = ranked.FindIndex(c => !ChapterHeading().IsMatch(c.Text) && c.Size > body * (1 + SameSize));
        return ranked[Math.Max(better, 0)].Text;
    }

    /// <summary>
    /// The document's running title: a running line (dropped as a header or footer) that reads as a title, set no
    /// smaller than the body text (an institution's small header line is not it), on at least half the pages.
    /// </summary>
    private static string? RunningTitle(IReadOnlyList<PdfPageLayout> layouts, IReadOnlyList<HashSet<int>> drop)
    {
        var pagesWithText = layouts.Count(l => l.Lines.Count > 0);
        var pagesPerText = new Dictionary<string, int>(StringComparer.Ordinal);
        string? first = null;
        for (var p = 0; p < layouts.Count; p++)
        {
            var body = BodySize(layouts[p].Lines);
            foreach (var text in drop[p]
                .Select(i => layouts[p].Lines[i])
                .Where(l => l.Size >= RunningTitleSize * body)
                .Select(l => l.Text.Trim())
                .Where(t => IsTitleText(t) && !t.Any(char.IsDigit))
                .Distinct(StringComparer.Ordinal))
            {
                pagesPerText[text] = pagesPerText.GetValueOrDefault(text) + 1;
                first ??= text;
            }
        }

        return pagesPerText
            .Where(e => e.Value * 2 >= pagesWithText && e.Value >= 2)
            .OrderByDescending(e => e.Value)
            .ThenBy(e => e.Key == first ? 0 : 1)
            .Select(e => e.Key)
            .FirstOrDefault();
    }

    // The size most of the page's characters are set in (a short page's lines are mostly headings).
    private static double BodySize(IReadOnlyList<PdfLine> lines)
    {
        var bySize = lines.OrderBy(l => l.Size).ToList();
        var half = lines.Sum(l => l.Text.Length) / 2.0;
        var seen = 0;
        foreach (var line in bySize)
        {
            seen += line.Text.Length;
            if (seen >= half)
            {
                return line.Size;
            }
        }

        return 0;
    }

    private static bool Continues(PdfLine line, PdfLine next) =>
        Math.Abs(next.Size - line.Size) <= SameSize * line.Size
        && line.Baseline - next.Baseline > 0
        && line.Baseline - next.Baseline <= ContinuationPitch * line.Size
        && next.Region == line.Region;

    // Not a label, and not a sentence: a title is short and does not end with a full stop.
    private static bool IsTitleText(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return text.Count(char.IsLetter) >= 3 && !IsLabel(text) && words <= MaxWords && !(words > 6 && text.EndsWith('.'));
    }

    // "Trường:", "Họ và tên:", "Lớp: ……": a form's label, not a title.
    private static bool IsLabel(string text)
    {
        var trimmed = text.TrimEnd(' ', '.', '…', '_');
        return trimmed.EndsWith(':') && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;
    }

    [GeneratedRegex(@"\.(docx?|pdf|odt|rtf|pptx?|xlsx?|txt|tex|dvi)$|^[\w\-]+\.\w{2,4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(untitled|document\s*\d*|slide\s*\d*|title|tiêu đề|no title)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(chương|chapter|phần|part|bài|mục)\s+([0-9]+|[ivxlc]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChapterHeading();
}
