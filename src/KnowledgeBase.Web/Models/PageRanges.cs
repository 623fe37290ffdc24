using System.Globalization;
using System.Text;

namespace KnowledgeBase.Web.Models;

public static class PageRanges
{
    /// <summary>Page numbers as ranges: 1, 2, 3, 5, 7, 8 → "1–3, 5, 7–8".</summary>
    public static string Format(IEnumerable<int> pages)
    {
        var sorted = pages.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            text.Append(text.Length > 0 ? ", " : string.Empty)
                .Append(start.ToString(CultureInfo.InvariantCulture))
                .Append(sorted[i] > start ? "–" + sorted[i].ToString(CultureInfo.InvariantCulture) : string.Empty);
        }

        return text.ToString();
    }
}
