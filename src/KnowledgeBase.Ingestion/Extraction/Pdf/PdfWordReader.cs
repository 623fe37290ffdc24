using System.Buffers;
using System.Text;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// Turns a page's glyphs (in content-stream order) into words. Each run of glyphs in one font is converted
/// from the legacy encoding that font's name says (TCVN3 ".VnTime", VNI "VNI-Times"), so a page mixing legacy
/// and Unicode fonts comes out right; <c>/ActualText</c> spans arrive already standing for their glyphs.
/// Stateless and thread-safe.
/// </summary>
internal static class PdfWordReader
{
    // Gaps relative to the font size: wider than a letter gap, narrower than a space.
    private const double WordGap = 0.15;
    private const double BaselineTolerance = 0.35;

    // How far back along a line an overprinted copy is looked for, and how far from its original it may be drawn.
    private const int OverprintWindow = 8;
    private const double OverprintShift = 0.2;

    public static PdfPageWords Read(PdfGlyphPage page, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache)
    {
        var glyphs = page.Glyphs;
        var words = new List<PdfWord>(glyphs.Length / 4);
        var current = new WordParts();
        var tcvn3 = 0;
        var vni = 0;

        // The glyphs grouped into lines of one baseline, each read left to right. Content-stream order is not
        // reading order: LibreOffice, for one, draws the glyphs it takes from a fallback font (often the accented
        // letters) after the rest of the line, which would split "Cải" into "C", "i" and "ả". Sorting indices in
        // pooled arrays, not glyphs in lists: this runs over every glyph of every page.
        var order = ArrayPool<(double Height, int Index)>.Shared.Rent(glyphs.Length);
        var line = ArrayPool<(double Left, int Order)>.Shared.Rent(glyphs.Length);
        try
        {
            // Top first; content order within one baseline.
            for (var i = 0; i < glyphs.Length; i++)
            {
                order[i] = (-glyphs[i].Baseline, i);
            }

            Array.Sort(order, 0, glyphs.Length);
            var start = 0;
            while (start < glyphs.Length)
            {
                var anchor = glyphs[order[start].Index].Baseline;
                var end = start + 1;
                while (end < glyphs.Length && Math.Abs(anchor - glyphs[order[end].Index].Baseline) <= BaselineTolerance * glyphs[order[end].Index].Size)
                {
                    end++;
                }

                // Left to right; equal positions keep content order (a fake-bold glyph after its original).
                for (var k = start; k < end; k++)
                {
                    var index = order[k].Index;
                    line[k - start] = (Math.Round(glyphs[index].Left, 1), index);
                }

                Array.Sort(line, 0, end - start);
                ReadLine(glyphs, line.AsSpan(0, end - start), current, words, fontCache, ref tcvn3, ref vni);
                start = end;
            }
        }
        finally
        {
            ArrayPool<(double Height, int Index)>.Shared.Return(order);
            ArrayPool<(double Left, int Order)>.Shared.Return(line);
        }

        return new PdfPageWords(words, tcvn3, vni, page.ActualTextSpans, words.Count == 0 && page.HasInk);
    }

    private static void ReadLine(ReadOnlySpan<PdfGlyph> glyphs, ReadOnlySpan<(double Left, int Order)> line, WordParts current, List<PdfWord> words,
        Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache, ref int tcvn3, ref int vni)
    {
        // The last glyphs kept on this line (a ring): an overprinted copy is compared with them.
        Span<int> kept = stackalloc int[OverprintWindow];
        var keptCount = 0;
        foreach (var (_, index) in line)
        {
            ref readonly var glyph = ref glyphs[index];
            if (string.IsNullOrWhiteSpace(glyph.Value) && !IsLegacyLetterCode(glyph, fontCache))
            {
                current.Flush(words, fontCache, ref tcvn3, ref vni);
                continue;
            }

            // Fake bold: the same glyph drawn again at (almost) the same place, twice or four times, by a later
            // text run as often as by the same one (so not always next to its original in this order).
            if (!glyph.IsActualText && IsOverprint(glyphs, kept, keptCount, glyph))
            {
                continue;
            }

            if (!current.IsEmpty
                && (Math.Abs(glyph.Baseline - current.Baseline) > BaselineTolerance * glyph.Size
                    || glyph.Left - current.Right > WordGap * glyph.Size
                    || glyph.Left < current.Left - (0.5 * glyph.Size)))
            {
                current.Flush(words, fontCache, ref tcvn3, ref vni);
            }

            current.Add(glyph.Value, glyph.Font, glyph.Code, glyph.Left, glyph.Right, glyph.Baseline, glyph.Size);
            kept[keptCount++ % OverprintWindow] = index;
        }

        current.Flush(words, fontCache, ref tcvn3, ref vni);
    }

    // A TCVN3 letter whose map gives nothing or a blank (a soft hyphen some readers drop) is still a letter.
    private static bool IsLegacyLetterCode(in PdfGlyph glyph, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache) =>
        glyph.Code is >= 0xA1 and <= 0xFF && Classify(glyph.Font, fontCache).Encoding == LegacyEncoding.Tcvn3
        && Tcvn3Converter.IsLegacyLetter((char)glyph.Code);

    private static (LegacyEncoding Encoding, bool Capitals) Classify(string? font, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> cache)
    {
        if (font is null)
        {
            return (LegacyEncoding.None, false);
        }

        if (!cache.TryGetValue(font, out var info))
        {
            info = (LegacyFontClassifier.Classify(font), LegacyFontClassifier.IsCapitalsFont(font));
            cache[font] = info;
        }

        return info;
    }

    // An overprinted copy is the same text within a fifth of an em and under half the glyph's own advance of
    // its original (so "ll" or "iii", one advance apart, stay), as pdftotext's duplicate test does.
    private static bool IsOverprint(ReadOnlySpan<PdfGlyph> glyphs, ReadOnlySpan<int> kept, int keptCount, in PdfGlyph glyph)
    {
        // A mark drawn with no advance of its own (VNI's tone bytes) is a copy within the same fifth of an em.
        var width = glyph.Right - glyph.Left;
        var tolerance = width > OverprintShift * glyph.Size ? Math.Min(OverprintShift * glyph.Size, 0.5 * width) : OverprintShift * glyph.Size;
        var vertical = OverprintShift * glyph.Size;
        for (var k = Math.Max(0, keptCount - OverprintWindow); k < keptCount; k++)
        {
            ref readonly var other = ref glyphs[kept[k % OverprintWindow]];
            if (!other.IsActualText && string.Equals(other.Value, glyph.Value, StringComparison.Ordinal)
                && Math.Abs(other.Left - glyph.Left) <= tolerance && Math.Abs(other.Baseline - glyph.Baseline) <= vertical)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The letters of one word being gathered, as runs of one font each.</summary>
    private sealed class WordParts
    {
        private readonly List<(string Value, string? Font, int Code)> _parts = [];
        private readonly StringBuilder _plain = new();

        public bool IsEmpty => _parts.Count == 0;

        public double Left { get; private set; }

        public double Right { get; private set; }

        public double Baseline { get; private set; }

        private double Size { get; set; }

        public void Add(string value, string? font, int code, double left, double right, double baseline, double size)
        {
            if (_parts.Count == 0)
            {
                Left = left;
                Right = right;
                Baseline = baseline;
                Size = size;
            }
            else
            {
                Left = Math.Min(Left, left);
                Right = Math.Max(Right, right);
                Size = Math.Max(Size, size);
            }

            _parts.Add((value, font, code));
        }

        public void Flush(List<PdfWord> words, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache, ref int tcvn3, ref int vni)
        {
            if (_parts.Count == 0)
            {
                return;
            }

            var (text, raw) = AllUnicode(fontCache) ? Plain() : Converted(fontCache, ref tcvn3, ref vni);
            if (SymbolGlyphs(text) is { } shown)
            {
                words.Add(new PdfWord(shown, raw ?? shown, Left, Right, Baseline, Size));
            }

            _parts.Clear();
        }

        // The common case, a Unicode word: its text is its raw text (no raw text of its own).
        private (string Text, string? Raw) Plain()
        {
            _plain.Clear();
            foreach (var (value, _, _) in _parts)
            {
                _plain.Append(value);
            }

            return (VietnameseText.ToNfc(_plain.ToString()), null);
        }

        // Each run of one font converted from the legacy encoding its name says.
        private (string Text, string? Raw) Converted(Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache, ref int tcvn3, ref int vni)
        {
            var text = new StringBuilder();
            var raw = new StringBuilder();
            var run = new LegacyRun();
            (LegacyEncoding Encoding, bool Capitals) runFont = (LegacyEncoding.None, false);
            foreach (var (value, font, code) in _parts)
            {
                raw.Append(value);
                var info = Classify(font, fontCache);
                if (info != runFont)
                {
                    run.End(text, runFont, ref tcvn3, ref vni);
                    runFont = info;
                }

                run.Add(value, code);
            }

            run.End(text, runFont, ref tcvn3, ref vni);
            return (VietnameseText.ToNfc(text.ToString()), VietnameseText.ToNfc(raw.ToString()));
        }

        /// <summary>
        /// Symbol-font glyphs without a real Unicode value, which every screen shows as a box. Word's bullets in
        /// Wingdings or Symbol (U+F020–U+F0FF: ❖, ➢, ⇨ …) become "•", so a list item reads and splits as one; the
        /// pieces TeX and Word draw tall brackets with (U+F8E5–U+F8FF) are dropped. Null: no word at all.
        /// </summary>
        private static string? SymbolGlyphs(string word)
        {
            if (word.Length == 0 || word[0] < '\uF020' || word[0] > '\uF8FF')
            {
                return word;
            }

            if (word.All(c => c is >= '\uF020' and <= '\uF0FF'))
            {
                return "•";
            }

            return word.All(c => c is >= '\uF8E5' and <= '\uF8FF') ? null : word;
        }

        // A plain loop: this runs for every word of every page, and a lambda would allocate a closure each time.
        private bool AllUnicode(Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache)
        {
            foreach (var (_, font, _) in _parts)
            {
                if (Classify(font, fontCache).Encoding != LegacyEncoding.None)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
