using System.Text;
using System.Xml.Linq;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction.OpenDocument;

/// <summary>
/// The blocks of an .odt's <c>office:text</c>, page by page: headings (<c>text:h</c> with its outline level),
/// paragraphs, list items, table rows (cells joined by " | "), sections and frames read in document order; notes,
/// comments and tracked deletions left out. Spaces (<c>text:s</c>), tabs and line breaks become spaces. Not
/// thread-safe (one per document).
/// </summary>
internal sealed class OdtBody
{
    private const string CellSeparator = " | ";
    private static readonly XNamespace TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly HashSet<string> Skipped = ["note", "annotation", "tracked-changes", "note-citation", "sequence-decls"];

    private readonly List<List<TextBlock>> _pages = [[]];
    private readonly CancellationToken _cancellationToken;
    private bool _breakPending;

    private OdtBody(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>The blocks of each page (empty pages dropped).</summary>
    public static List<List<TextBlock>> Pages(XDocument content, CancellationToken cancellationToken)
    {
        var body = new OdtBody(cancellationToken);
        var text = content.Descendants().FirstOrDefault(e => e.Name.LocalName == "text" && e.Parent?.Name.LocalName == "body");
        if (text is not null)
        {
            body.Walk(text, inList: false);
        }

        return [.. body._pages.Where(p => p.Count > 0)];
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
                Add(new TextBlock(Inline(child), TextBlockKind.Heading, level));
            }
            else if (name == TextNs + "p")
            {
                Add(new TextBlock(Inline(child), inList ? TextBlockKind.ListItem : TextBlockKind.Paragraph));
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
            .Select(cell => string.Join(' ', cell.Descendants().Where(e => e.Name == TextNs + "p" || e.Name == TextNs + "h").Select(Inline)))
            .Select(ExtractionInput.Collapse)
            .Where(t => t.Length > 0)
            .ToList();
        if (cells.Count > 0)
        {
            Add(new TextBlock(string.Join(CellSeparator, cells), TextBlockKind.TableRow));
        }
    }

    private string Inline(XElement paragraph)
    {
        var builder = new StringBuilder();
        AppendInline(paragraph, builder);
        return ExtractionInput.Collapse(builder.ToString());
    }

    private void AppendInline(XElement element, StringBuilder builder)
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
            else if (child.Name != TextNs + "p" && child.Name != TextNs + "h")
            {
                AppendInline(child, builder);
            }
        }
    }
}
