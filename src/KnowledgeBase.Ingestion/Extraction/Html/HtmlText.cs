using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>
/// The text of HTML elements as the HTML extractor reads it: white space collapsed, NFC, words kept apart where
/// elements meet, and how much of an element's text is links. Stateless and thread-safe.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "center", "hr", "address",
    };

    /// <summary>Whether an element of this name starts a block of its own (a paragraph, a list, a cell…).</summary>
    public static bool IsBlockTag(string localName) => BlockTags.Contains(localName);

    /// <summary>White space collapsed to single spaces (no-break spaces included), trimmed, NFC.</summary>
    public static string Normalize(string text) =>
        VietnameseText.ToNfc(Whitespace().Replace(text.Replace('\u00A0', ' '), " ").Trim());

    /// <summary>The text of an element's children, line breaks as spaces, words kept apart where elements meet.</summary>
    public static string InlineText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            AppendInline(builder, node);
        }

        return builder.ToString();
    }

    /// <summary>Appends a node's text as <see cref="InlineText"/> reads it.</summary>
    public static void AppendInline(StringBuilder builder, INode node)
    {
        if (node.NodeType == NodeType.Text)
        {
            AppendSeparated(builder, node.TextContent);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        if (element.LocalName == "br")
        {
            builder.Append(' ');
            return;
        }

        var inner = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            AppendInline(inner, child);
        }

        AppendSeparated(builder, inner.ToString());
    }

    // Vietnamese separates syllables with spaces, so two letters meeting at an element boundary ("TP HCM" in a
    // stamp span before the lead) belong to different words.
    private static void AppendSeparated(StringBuilder builder, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (builder.Length > 0 && char.IsLetterOrDigit(builder[^1]) && char.IsLetterOrDigit(text[0]))
        {
            builder.Append(' ');
        }

        builder.Append(text);
    }

    /// <summary>An element's own text: its text and inline children, not what its block children hold.</summary>
    public static string OwnText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(node.TextContent);
            }
            else if (node is IElement child && !BlockTags.Contains(child.LocalName))
            {
                AppendInline(builder, child);
            }
        }

        return Normalize(builder.ToString());
    }

    /// <summary>The share of an element's text that is link text, from 0 to 1.</summary>
    public static double LinkDensity(IElement element)
    {
        var length = element.TextContent.Length;
        if (length == 0)
        {
            return 0;
        }

        var links = element.LocalName == "a" ? length : element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1.0, (double)links / length);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
