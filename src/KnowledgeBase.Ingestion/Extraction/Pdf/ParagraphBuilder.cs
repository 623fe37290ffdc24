using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// Joins the lines of a page (in reading order) into blocks: a paragraph ends at a wider line gap, a change of
/// font size or column, an indented first line, or a line that stops well short of the column's right edge.
/// Words hyphenated across lines are joined; markedly larger text becomes a heading. Stateless and thread-safe.
/// </summary>
internal static partial class ParagraphBuilder
{
    // Relative to the font size.
    private const double ParagraphPitch = 1.5;
    private const double Indent = 1.2;
    private const double ShortLine = 4.0;
    private const double SizeChange = 1.15;
    private const double HeadingSize = 1.2;
    private const double TopHeadingSize = 1.6;
    private const int MaxHeadingLength = 200;

    public static List<TextBlock> Build(IReadOnlyList<PdfLine> lines)
    {
        var blocks = new List<TextBlock>();
        if (lines.Count == 0)
        {
            return blocks;
        }

        var body = BodySize(lines);
        var pitch = TypicalPitch(lines);
        var regionRight = lines.GroupBy(l => l.Region).ToDictionary(g => g.Key, g => g.Max(l => l.Right));
        var regionLeft = lines.GroupBy(l => l.Region).ToDictionary(g => g.Key, g => g.Min(l => l.Left));
        var text = new StringBuilder();
        var size = 0.0;
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null && StartsParagraph(previous, line, pitch, regionLeft, regionRight))
            {
                Flush(blocks, text, size, body);
            }

            if (text.Length == 0)
            {
                text.Append(line.Text);
                size = line.Size;
            }
            else
            {
                Append(text, line.Text);
            }

            previous = line;
        }

        Flush(blocks, text, size, body);
        return blocks;
    }

    /// <summary>Joins a line to the paragraph so far, mending a word hyphenated across the break.</summary>
    public static void Append(StringBuilder paragraph, string line)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return;
        }

        var last = paragraph[^1];
        if (last == '\u00AD')
        {
            paragraph.Length--;
            paragraph.Append(line);
            return;
        }

        if (last is '-' or '\u2010' && paragraph.Length >= 2 && char.IsLetter(paragraph[^2]) && char.IsLower(line[0]))
        {
            paragraph.Length--;
            paragraph.Append(line);
            return;
        }

        paragraph.Append(' ').Append(line);
    }

    private static bool StartsParagraph(PdfLine previous, PdfLine line, double typicalPitch, Dictionary<int, double> regionLeft, Dictionary<int, double> regionRight)
    {
        var size = Math.Max(previous.Size, line.Size);
        var pitch = previous.Baseline - line.Baseline;

        // Wider than the page's usual line pitch (documents set at 1.5 or double spacing have a wide one).
        if (pitch <= 0 || pitch > Math.Max(ParagraphPitch * size, typicalPitch * 1.3))
        {
            return true;
        }

        if (ListItem().IsMatch(line.Text) || (Dash().IsMatch(line.Text) && previous.Text.Length > 0 && ".:;!?".Contains(previous.Text[^1], StringComparison.Ordinal)))
        {
            return true;
        }

        if (Math.Max(previous.Size, line.Size) > SizeChange * Math.Min(previous.Size, line.Size))
        {
            return true;
        }

        // Columns side by side: the next line does not sit under the previous one.
        if (line.Left > previous.Right || line.Right < previous.Left)
        {
            return true;
        }

        // A line that stops well short of its column's right edge ends its paragraph.
        if (previous.Right < regionRight[previous.Region] - (ShortLine * size))
        {
            return true;
        }

        // An indented first line.
        return line.Left > regionLeft[line.Region] + (Indent * size) && line.Left > previous.Left + (Indent * size);
    }

    private static double TypicalPitch(IReadOnlyList<PdfLine> lines)
    {
        var pitches = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            var pitch = lines[i - 1].Baseline - lines[i].Baseline;
            if (lines[i].Region == lines[i - 1].Region && pitch > 0 && pitch < 3 * lines[i].Size)
            {
                pitches.Add(pitch);
            }
        }

        return ReadingOrder.Median(pitches);
    }

    // "a. ", "b) ", "1. ", "1.2. ", "(c) ", "• ", "▪ ": a list item or a numbered point starts a block.
    [GeneratedRegex(@"^(\(?[a-zđ]\)|[a-zđ][.)]|\d{1,3}(\.\d{1,3})*[.)]|[•▪◦●○■□➢►✓*+])\s", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^[-–—]\s", RegexOptions.CultureInvariant)]
    private static partial Regex Dash();

    private static double BodySize(IReadOnlyList<PdfLine> lines)
    {
        // The size most of the page's characters are set in.
        return lines.GroupBy(l => Math.Round(l.Size, 1))
            .OrderByDescending(g => g.Sum(l => l.Text.Length))
            .First().Key;
    }

    private static void Flush(List<TextBlock> blocks, StringBuilder text, double size, double body)
    {
        if (text.Length == 0)
        {
            return;
        }

        var value = text.ToString().Trim();
        text.Clear();
        if (value.Length == 0)
        {
            return;
        }

        if (body > 0 && size >= HeadingSize * body && value.Length <= MaxHeadingLength)
        {
            blocks.Add(new TextBlock(value, TextBlockKind.Heading, size >= TopHeadingSize * body ? 1 : 2));
            return;
        }

        blocks.Add(new TextBlock(value));
    }
}
