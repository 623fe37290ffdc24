using System.Text;
using AngleSharp.Dom;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>
/// Turns an article's elements into text blocks in document order: headings with their level, paragraphs, list
/// items, table rows (cells joined by " | ") and the runs of inline text between a container's block children
/// (two line breaks end a run). Lines of links, boxes and list items promoting other articles are left out. Each block keeps
/// the element it came from. Stateless and thread-safe.
/// </summary>
internal static class HtmlBlockBuilder
{
    private const int MinTeaserTitle = 20;

    /// <summary>The blocks of <paramref name="content"/>, each with the element it was read from.</summary>
    public static List<(TextBlock Block, IElement Element)> Build(IEnumerable<IElement> content)
    {
        var blocks = new List<(TextBlock Block, IElement Element)>();
        foreach (var element in content)
        {
            Emit(element, blocks);
        }

        return blocks;
    }

    private static void Emit(IElement element, List<(TextBlock Block, IElement Element)> blocks)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Add(blocks, element, TextBlockKind.Heading, element.LocalName[1] - '0');
                return;
            case "p" or "pre" or "dt" or "dd" or "address":
                Add(blocks, element, TextBlockKind.Paragraph, 0);
                return;
            case "li" when !HasBlockChild(element):
                Add(blocks, element, TextBlockKind.ListItem, 0);
                return;
            case "tr":
                var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(c => HtmlText.Normalize(HtmlText.InlineText(c))).Where(t => t.Length > 0).ToList();
                if (cells.Count > 0)
                {
                    blocks.Add((new TextBlock(string.Join(" | ", cells), TextBlockKind.TableRow), element));
                }

                return;
            default:
                break;
        }

        if (IsTeaser(element))
        {
            return;
        }

        // A container: runs of inline content between its block children are paragraphs of their own.
        var run = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child && (HtmlText.IsBlockTag(child.LocalName) || child.LocalName == "br" && run.Length > 0 && EndsRunAtBreak(child)))
            {
                AddRun(blocks, element, run);
                if (child.LocalName != "br")
                {
                    Emit(child, blocks);
                }

                continue;
            }

            HtmlText.AppendInline(run, node);
        }

        AddRun(blocks, element, run);
    }

    // Two <br> in a row separate paragraphs; one is a line break inside a paragraph.
    private static bool EndsRunAtBreak(IElement br) =>
        br.NextElementSibling?.LocalName == "br" && string.IsNullOrWhiteSpace(br.NextSibling?.TextContent ?? string.Empty);

    private static void AddRun(List<(TextBlock Block, IElement Element)> blocks, IElement element, StringBuilder run)
    {
        var text = HtmlText.Normalize(run.ToString());
        run.Clear();
        if (text.Length > 0)
        {
            blocks.Add((new TextBlock(text), element));
        }
    }

    private static void Add(List<(TextBlock Block, IElement Element)> blocks, IElement element, TextBlockKind kind, int level)
    {
        var text = HtmlText.Normalize(HtmlText.InlineText(element));
        if (text.Length == 0)
        {
            return;
        }

        // Lines of links inside the body ("Xem thêm: …") are navigation, not prose; so is a list item promoting another
        // page: a linked title and its lead cut off with "…" (a box of teasers under the article).
        if (kind != TextBlockKind.Heading && ((HtmlText.LinkDensity(element) > 0.6 && text.Length < 300) || (kind == TextBlockKind.ListItem && IsTeaserItem(element, text))))
        {
            return;
        }

        blocks.Add((new TextBlock(text, kind, level), element));
    }

    // A box promoting another article inside the body: a heading that is all link, and little else.
    private static bool IsTeaser(IElement element)
    {
        var heading = element.QuerySelector("h2, h3, h4, h5, h6");
        return heading is not null && HtmlText.LinkDensity(heading) > 0.9 && HtmlText.Normalize(element.TextContent).Length < 400
            && element.QuerySelectorAll("p").Length <= 1;
    }

    private static bool IsTeaserItem(IElement item, string text) =>
        (text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…'))
        && item.QuerySelectorAll("a").Any(a => HtmlText.Normalize(a.TextContent).Length >= MinTeaserTitle);

    private static bool HasBlockChild(IElement element) =>
        element.Children.Any(c => c.LocalName is "p" or "div" or "ul" or "ol" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote");
}
