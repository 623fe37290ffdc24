using System.Globalization;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>Writes page numbers for people: "1–3, 7".</summary>
internal static class PageList
{
    public static string Format(IEnumerable<int> pages)
    {
        var sorted = pages.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j == i
                ? sorted[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}–{sorted[j]}"));
            i = j + 1;
        }

        return (sorted.Count == 1 ? "page " : "pages ") + string.Join(", ", parts);
    }
}
