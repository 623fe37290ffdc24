using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// A page of the app parsed the way a browser parses it (AngleSharp), so that tests assert on elements and
/// their text rather than on how the markup happens to be spelled.
/// </summary>
public static class HtmlPage
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
    }

    /// <summary>The one element the selector finds; the test fails when it finds none or several.</summary>
    public static IElement One(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Assert.Single(node.QuerySelectorAll(selector));
    }

    /// <summary>The text of each element the selector finds, its white space collapsed as a browser shows it.</summary>
    public static IReadOnlyList<string> Texts(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        return [.. node.QuerySelectorAll(selector).Select(Text)];
    }

    /// <summary>The element's text with runs of white space made one space, trimmed.</summary>
    public static string Text(this INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
