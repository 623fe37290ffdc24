using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Web.Models;

/// <summary>One row of a document's page-quality table: consecutive pages read the same way, with the same share.</summary>
public sealed record PageQualityRow(int First, int Last, ExtractionMethod Method, PageVerdict Verdict, int? Percent)
{
    /// <summary>
    /// Runs of pages with the same method, verdict and whole-percent quality become one row ("1–59: TCVN3
    /// repaired, 100 %"), so a 113-page book does not print 113 rows before the search box.
    /// </summary>
    public static IReadOnlyList<PageQualityRow> Collapse(IEnumerable<ExtractedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var rows = new List<PageQualityRow>();
        foreach (var page in pages.OrderBy(p => p.Number))
        {
            int? percent = page.Quality is { } q ? (int)Math.Round(q * 100, MidpointRounding.AwayFromZero) : null;
            if (rows.Count > 0 && rows[^1] is var last && last.Last + 1 == page.Number
                && last.Method == page.Method && last.Verdict == page.Verdict && last.Percent == percent)
            {
                rows[^1] = last with { Last = page.Number };
                continue;
            }

            rows.Add(new PageQualityRow(page.Number, page.Number, page.Method, page.Verdict, percent));
        }

        return rows;
    }

    public string Pages => PageRanges.Format(Enumerable.Range(First, Last - First + 1));
}
