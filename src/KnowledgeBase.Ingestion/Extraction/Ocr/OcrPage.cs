using System.Globalization;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction.Pdf;
using KnowledgeBase.Vietnamese.Syllables;

namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>
/// What a page read by OCR becomes, for scanned PDF pages and images alike: Tesseract's lines joined into
/// paragraphs, method <c>ocr</c>, verdict <c>ocr</c> or <c>ocr_poor</c> (<see cref="ExtractionQuality.ReadsPoorly"/>),
/// and the document warning that lists the poorly read pages. Stateless and thread-safe.
/// </summary>
internal static class OcrPage
{
    public static ExtractedPage Build(int number, string text)
    {
        var blocks = PageText.ToBlocks(Lines(text));
        var statistics = SyllableStatistics.Measure(text);
        return new ExtractedPage
        {
            Number = number,
            Blocks = blocks,
            Method = ExtractionMethod.Ocr,
            Quality = ExtractionQuality.Round(statistics.ValidShare),
            Verdict = blocks.Count == 0 ? PageVerdict.Empty : ExtractionQuality.ReadsPoorly(statistics) ? PageVerdict.OcrPoor : PageVerdict.Ocr,
        };
    }

    /// <summary>The warning naming the pages read poorly, or null when there are none.</summary>
    public static string? PoorWarning(IEnumerable<ExtractedPage> pages)
    {
        var poor = pages.Where(p => p.Verdict == PageVerdict.OcrPoor).Select(p => p.Number).ToList();
        return poor.Count == 0 ? null
            : string.Create(CultureInfo.InvariantCulture, $"OCR read {PageList.Format(poor)} poorly (under {ExtractionQuality.OcrPoorBelow * 100:0} % valid syllables: handwriting or a blurred scan?); check the text.");
    }

    // Tesseract ends every line with a newline and separates paragraphs with a blank line; lines of one
    // paragraph are joined (mending hyphenation) so that passages are not cut mid-sentence.
    private static string Lines(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n");
        var joined = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var line in paragraph.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (builder.Length == 0)
                {
                    builder.Append(line);
                }
                else
                {
                    ParagraphBuilder.Append(builder, line);
                }
            }

            joined.Add(builder.ToString());
        }

        return string.Join("\n\n", joined);
    }
}
