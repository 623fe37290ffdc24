using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>
/// What a web page says about itself: title, author, published date, canonical URL and language, from meta tags,
/// JSON-LD, <c>time</c> elements and visible dates; the article's title from its own heading; a byline that ends
/// the article. Stateless and thread-safe.
/// </summary>
internal static partial class HtmlMetadataReader
{
    /// <summary>Reads the metadata; call it before the body is cleaned (visible dates may sit in removed elements).</summary>
    public static HtmlMetadata Read(IDocument document)
    {
        string? Meta(params string[] names)
        {
            foreach (var name in names)
            {
                var element = document.QuerySelector($"meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']");
                var value = element?.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return HtmlText.Normalize(value);
                }
            }

            return null;
        }

        var jsonLd = ReadJsonLd(document);
        var dateText = Meta("article:published_time", "datePublished", "pubdate", "publishdate", "dc.date.issued", "date")
            ?? jsonLd.Date
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")
            ?? document.QuerySelectorAll("[class*=date], [class*=time]").Select(e => e.TextContent).FirstOrDefault(t => VisibleDate().IsMatch(t));
        var author = Meta("author", "article:author", "dc.creator") ?? jsonLd.Author;
        if (author is not null && (author.StartsWith("http", StringComparison.OrdinalIgnoreCase) || author.Contains('.', StringComparison.Ordinal)))
        {
            author = jsonLd.Author;
        }

        var canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("og:url");
        var language = document.DocumentElement?.GetAttribute("lang");
        return new HtmlMetadata(Meta("og:title", "twitter:title", "title"), author, ParseDate(dateText), canonical?.Trim(), string.IsNullOrWhiteSpace(language) ? null : language);
    }

    /// <summary>
    /// The article's title: its own <c>h1</c> (in the article's container or one around it), else the metadata's
    /// title, else the page's <c>title</c> without the site name.
    /// </summary>
    public static string? TitleFor(IDocument document, IElement top, HtmlMetadata metadata)
    {
        // The article's own heading: an h1 in the body container or the one around it.
        for (var scope = top; scope is not null; scope = scope.ParentElement)
        {
            var h1 = scope.QuerySelector("h1");
            if (h1 is not null && HtmlText.Normalize(h1.TextContent) is { Length: > 0 } heading)
            {
                return heading;
            }

            if (scope.LocalName == "body")
            {
                break;
            }
        }

        return metadata.Title ?? CleanTitle(document.Title);
    }

    /// <summary>Whether the last block of an article is its author's name (short, bold or set right, or classed "author").</summary>
    public static bool IsByline(IElement element, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words is 0 or > 6 || text.EndsWith('.') || element.LocalName != "p")
        {
            return false;
        }

        var style = element.GetAttribute("style") ?? string.Empty;
        var strongOnly = element.Children.Length > 0 && element.Children.All(c => c.LocalName is "strong" or "b")
            && HtmlText.Normalize(string.Concat(element.Children.Select(c => c.TextContent))).Length == text.Length;
        return strongOnly || style.Contains("right", StringComparison.OrdinalIgnoreCase)
            || (element.ClassName ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase);
    }

    private static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = HtmlText.Normalize(title);
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – "])
        {
            var at = text.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 10)
            {
                text = text[..at];
            }
        }

        return text;
    }

    private static (string? Date, string? Author) ReadJsonLd(IDocument document)
    {
        string? date = null;
        string? author = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Visit(json.RootElement, ref date, ref author);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata still applies.
            }
        }

        return (date, author);
    }

    private static void Visit(JsonElement element, ref string? date, ref string? author)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, ref date, ref author);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (date is null && element.TryGetProperty("datePublished", out var published) && published.ValueKind == JsonValueKind.String)
        {
            date = published.GetString();
        }

        // An organisation as author is the publisher, not a byline.
        if (author is null && element.TryGetProperty("author", out var by))
        {
            var person = by.ValueKind == JsonValueKind.Array && by.GetArrayLength() > 0 ? by[0] : by;
            if (person.ValueKind == JsonValueKind.Object && person.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && !(person.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Organization"))
            {
                author = name.GetString();
            }
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, ref date, ref author);
        }
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var iso = IsoDate().Match(text);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var visible = VisibleDate().Match(text);
        return visible.Success && DateOnly.TryParseExact(visible.Value, ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? date
            : null;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b")]
    private static partial Regex VisibleDate();
}
