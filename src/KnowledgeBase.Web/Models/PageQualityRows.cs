using System.Globalization;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// One row of a document's page-quality table: consecutive pages read the same way (method and verdict), with
/// the range of their whole-percent quality (null when no page of the run has one).
/// </summary>
public sealed record PageQualityRow(int First, int Last, ExtractionMethod Method, PageVerdict Verdict, int? MinPercent, int? MaxPercent)
{
    /// <summary>
    /// Runs of pages with the same method and verdict become one row whatever their percentages ("trang 1–59: sửa
    /// mã TCVN3, 99–100 %"), so a 113-page book prints a handful of rows before the search box, not one per change
    /// of a percent.
    /// </summary>
    public static IReadOnlyList<PageQualityRow> Collapse(IEnumerable<ExtractedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var rows = new List<PageQualityRow>();
        foreach (var page in pages.OrderBy(p => p.Number))
        {
            int? percent = page.Quality is { } q ? (int)Math.Round(q * 100, MidpointRounding.AwayFromZero) : null;
            if (rows.Count > 0 && rows[^1] is var last && last.Last + 1 == page.Number
                && last.Method == page.Method && last.Verdict == page.Verdict)
            {
                rows[^1] = last with { Last = page.Number, MinPercent = Min(last.MinPercent, percent), MaxPercent = Max(last.MaxPercent, percent) };
                continue;
            }

            rows.Add(new PageQualityRow(page.Number, page.Number, page.Method, page.Verdict, percent, percent));
        }

        return rows;
    }

    public string Pages => PageRanges.Format(Enumerable.Range(First, Last - First + 1));

    /// <summary>"100 %", "99–100 %", or "—" when no page of the run has a quality.</summary>
    public string Percent => (MinPercent, MaxPercent) switch
    {
        ({ } min, { } max) when min == max => string.Create(CultureInfo.CurrentCulture, $"{min} %"),
        ({ } min, { } max) => string.Create(CultureInfo.CurrentCulture, $"{min}–{max} %"),
        _ => "—",
    };

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
