using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// A passage quoted with its source, ready to paste into a report: «text» — author, title, year, page, link.
/// </summary>
public static class Citation
{
    public static string For(string passage, DocumentInfo document, int page, string absoluteLink, bool english)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        text.Append('“').Append(passage.ReplaceLineEndings(" ").Trim()).Append("” — ");
        if (!string.IsNullOrWhiteSpace(document.Author))
        {
            text.Append(document.Author).Append(", ");
        }

        text.Append(document.Title);
        var year = document.Date?.Year;
        if (year is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({year})");
        }

        if (document.Kind == DocumentKind.Pdf)
        {
            text.Append(CultureInfo.InvariantCulture, $", {(english ? "p." : "tr.")} {page}");
        }

        text.Append(". ").Append(absoluteLink);
        return text.ToString();
    }
}
