using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Legacy;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// What the formats without pages (HTML, Word, plain text) share: their whole text is page 1, whose method and
/// verdict say whether legacy-encoded text (TCVN3, VNI) was converted, and the repair of legacy text no font
/// announced, found by the statistical detector over all the blocks. Stateless and thread-safe.
/// </summary>
internal static class SinglePage
{
    /// <summary>
    /// Page 1 holding <paramref name="blocks"/>: empty when there are none, else read from the text (or converted
    /// from <paramref name="converted"/>), with the valid-syllable share of its text.
    /// </summary>
    public static ExtractedPage Build(IReadOnlyList<TextBlock> blocks, LegacyEncoding converted) => Build(blocks, converted, 1);

    /// <summary>As <see cref="Build(IReadOnlyList{TextBlock}, LegacyEncoding)"/>, for page <paramref name="number"/> (a slide).</summary>
    public static ExtractedPage Build(IReadOnlyList<TextBlock> blocks, LegacyEncoding converted, int number)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = string.Join(PageText.BlockSeparator, blocks.Select(b => b.Text));
        return new ExtractedPage
        {
            Number = number,
            Blocks = blocks,
            Method = blocks.Count == 0 ? ExtractionMethod.Empty : converted switch
            {
                LegacyEncoding.Tcvn3 => ExtractionMethod.LegacyTcvn3,
                LegacyEncoding.Vni => ExtractionMethod.LegacyVni,
                _ => ExtractionMethod.TextLayer,
            },
            Quality = ExtractionQuality.Measure(text),
            Verdict = blocks.Count == 0 ? PageVerdict.Empty : converted == LegacyEncoding.None ? PageVerdict.Ok : PageVerdict.Repaired,
        };
    }

    /// <summary>The page built from <paramref name="blocks"/> after the repair of undeclared legacy text.</summary>
    public static ExtractedPage Repaired(List<TextBlock> blocks, int number)
    {
        var repaired = RepairLegacy(blocks, out var encoding);
        return Build(repaired, encoding, number);
    }

    /// <summary>The legacy encoding most of <paramref name="pages"/> were repaired from; none when none was.</summary>
    public static LegacyEncoding LegacyEncodingOf(IEnumerable<ExtractedPage> pages) =>
        pages.Select(p => p.Method switch
            {
                ExtractionMethod.LegacyTcvn3 => LegacyEncoding.Tcvn3,
                ExtractionMethod.LegacyVni => LegacyEncoding.Vni,
                _ => LegacyEncoding.None,
            })
            .Where(e => e != LegacyEncoding.None)
            .GroupBy(e => e)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>
    /// A short text of the document (its title, its author: too short to detect an encoding from) repaired with the
    /// <paramref name="encoding"/> its body was detected in. Text holding letters only Unicode has (ơ, ư, đ, ạ…: no legacy
    /// text read as Latin-1 does) is already Unicode and kept.
    /// </summary>
    public static string? RepairLike(string? text, LegacyEncoding encoding)
    {
        if (string.IsNullOrEmpty(text) || encoding == LegacyEncoding.None || text.Any(c => c > '\u00FF'))
        {
            return text;
        }

        return LegacyText.ToUnicode(text, encoding);
    }

    /// <summary>
    /// The blocks converted to Unicode when their text, taken together, is in a legacy encoding
    /// (<paramref name="encoding"/> says which); the same list when it is not.
    /// </summary>
    public static List<TextBlock> RepairLegacy(List<TextBlock> blocks, out LegacyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var joined = string.Join("\n", blocks.Select(b => b.Text));
        encoding = LegacyEncodingDetector.Detect(joined);
        if (encoding == LegacyEncoding.None)
        {
            return blocks;
        }

        var used = encoding;
        return [.. blocks.Select(b => b with { Text = LegacyText.ToUnicode(b.Text, used) })];
    }
}
