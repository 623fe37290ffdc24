using System.Text;
using System.Xml.Linq;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction.OpenDocument;

/// <summary>
/// The blocks of an .odt's <c>office:text</c>, page by page: headings (<c>text:h</c> with its outline level),
/// paragraphs, list items, table rows (cells joined by " | "), sections and frames read in document order; the text
/// of a frame or text box anchored in a paragraph (<c>draw:frame</c>/<c>draw:text-box</c>, shapes with text) follows
/// that paragraph as blocks of its own; notes, comments, tracked deletions and page-number fields left out. Spaces
/// (<c>text:s</c>), tabs and line breaks become spaces. The page headers and footers of the master pages
/// (<c>styles.xml</c>) are kept once, not per page: the headers at the start of the first page, the footers at the
/// end of the last. Not thread-safe (one per document).
/// </summary>
internal sealed class OdtBody
{
    private const string CellSeparator = " | ";
    private static readonly XNamespace TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace DrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static readonly XNamespace StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static readonly HashSet<string> Skipped = ["note", "annotation", "tracked-changes", "note-citation", "sequence-decls", "page-number", "page-count"];
    private static readonly HashSet<string> HeaderNames = ["header", "header-first", "header-left"];
    private static readonly HashSet<string> FooterNames = ["footer", "footer-first", "footer-left"];

    private readonly List<List<TextBlock>> _pages = [[]];
    private readonly CancellationToken _cancellationToken;
    private bool _breakPending;

    private OdtBody(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>The blocks of each page (empty pages dropped); <paramref name="styles"/> (styles.xml, if any) gives the headers and footers.</summary>
    public static List<List<TextBlock>> Pages(XDocument content, XDocument? styles, CancellationToken cancellationToken)
    {
        var body = new OdtBody(cancellationToken);
        var text = content.Descendants().FirstOrDefault(e => e.Name.LocalName == "text" && e.Parent?.Name.LocalName == "body");
        if (text is not null)
        {
            body.Walk(text, inList: false);
        }

        var pages = body._pages.Where(p => p.Count > 0).ToList();
        var masterPages = (styles ?? content).Descendants(StyleNs + "master-page").ToList();
        var headers = Distinct(masterPages.SelectMany(m => m.Elements().Where(e => HeaderNames.Contains(e.Name.LocalName))), cancellationToken);
        var footers = Distinct(masterPages.SelectMany(m => m.Elements().Where(e => FooterNames.Contains(e.Name.LocalName))), cancellationToken);
        if (pages.Count == 0 && headers.Count + footers.Count > 0)
        {
            pages.Add([]);
        }

        if (pages.Count > 0)
        {
            pages[0].InsertRange(0, headers);
            pages[^1].AddRange(footers);
        }

        return pages;
    }

    /// <summary>The blocks of the headers (or footers) of all master pages, each text once.</summary>
    private static List<TextBlock> Distinct(IEnumerable<XElement> parts, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<TextBlock>();
        foreach (var part in parts)
        {
            var reader = new OdtBody(cancellationToken);
            reader.Walk(part, inList: false);
            blocks.AddRange(reader._pages.SelectMany(p => p).Where(b => seen.Add(b.Text)));
        }

        return blocks;
    }

    private void Walk(XElement element, bool inList)
    {
        foreach (var child in element.Elements())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var name = child.Name;
            if (name == TextNs + "soft-page-break")
            {
                _pages.Add([]);
            }
            else if (name == TextNs + "h")
            {
                var level = int.TryParse((string?)child.Attribute(TextNs + "outline-level"), out var l) && l is >= 1 and <= 9 ? l : 1;
                var anchored = new List<XElement>();
                Add(new TextBlock(Inline(child, anchored), TextBlockKind.Heading, level));
                WalkAnchored(anchored);
            }
            else if (name == TextNs + "p")
            {
                var anchored = new List<XElement>();
                Add(new TextBlock(Inline(child, anchored), inList ? TextBlockKind.ListItem : TextBlockKind.Paragraph));
                WalkAnchored(anchored);
            }
            else if (name == TextNs + "list")
            {
                Walk(child, inList: true);
            }
            else if (name == TableNs + "table-row")
            {
                AddRow(child);
            }
            else if (!Skipped.Contains(name.LocalName))
            {
                Walk(child, inList);
            }
        }
    }

    // Frames, text boxes and shapes anchored in a paragraph: their own paragraphs, lists and tables, after it.
    private void WalkAnchored(List<XElement> anchored)
    {
        foreach (var frame in anchored)
        {
            Walk(frame, inList: false);
        }
    }

    private void Add(TextBlock block)
    {
        if (block.Text.Length > 0)
        {
            _pages[^1].Add(block);
        }

        // A page break inside a paragraph: the next block starts the next page.
        if (_breakPending)
        {
            _pages.Add([]);
            _breakPending = false;
        }
    }

    private void AddRow(XElement row)
    {
        var cells = row.Elements(TableNs + "table-cell")
            .Select(cell => string.Join(' ', cell.Descendants().Where(e => e.Name == TextNs + "p" || e.Name == TextNs + "h").Select(e => Inline(e, null))))
            .Select(ExtractionInput.Collapse)
            .Where(t => t.Length > 0)
            .ToList();
        if (cells.Count > 0)
        {
            Add(new TextBlock(string.Join(CellSeparator, cells), TextBlockKind.TableRow));
        }
    }

    /// <summary>The paragraph's text; frames anchored in it go to <paramref name="anchored"/> (null: left out, as in a table cell, whose nested paragraphs are read on their own).</summary>
    private string Inline(XElement paragraph, List<XElement>? anchored)
    {
        var builder = new StringBuilder();
        AppendInline(paragraph, builder, anchored);
        return ExtractionInput.Collapse(builder.ToString());
    }

    private void AppendInline(XElement element, StringBuilder builder, List<XElement>? anchored)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText text)
            {
                builder.Append(text.Value);
                continue;
            }

            if (node is not XElement child || Skipped.Contains(child.Name.LocalName))
            {
                continue;
            }

            if (child.Name == TextNs + "s" || child.Name == TextNs + "tab" || child.Name == TextNs + "line-break")
            {
                builder.Append(' ');
            }
            else if (child.Name == TextNs + "soft-page-break")
            {
                _breakPending = true;
            }
            else if (child.Name.Namespace == DrawNs)
            {
                anchored?.Add(child);
            }
            else if (child.Name != TextNs + "p" && child.Name != TextNs + "h")
            {
                AppendInline(child, builder, anchored);
            }
        }
    }
}
