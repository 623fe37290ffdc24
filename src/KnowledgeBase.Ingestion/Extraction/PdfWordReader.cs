using System.Text;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Text;
using UglyToad.PdfPig.Content;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// Turns a page's letters (in content-stream order) into words. Each run of letters in one font is converted
/// from the legacy encoding that font's name says (TCVN3 ".VnTime", VNI "VNI-Times"), so a page mixing legacy
/// and Unicode fonts comes out right; letters under a marked-content <c>/ActualText</c> give way to that text.
/// Stateless and thread-safe.
/// </summary>
internal static class PdfWordReader
{
    // Gaps relative to the font size: wider than a letter gap, narrower than a space.
    private const double WordGap = 0.15;
    private const double BaselineTolerance = 0.35;

    public static PdfPageWords Read(Page page, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache)
    {
        var actualTexts = ActualTextOwners(page);
        var used = new HashSet<MarkedContentElement>(ReferenceEqualityComparer.Instance);
        var glyphs = new List<Glyph>();
        foreach (var letter in page.Letters)
        {
            var value = letter.Value;
            var isActual = false;
            MarkedContentElement? owner = null;
            if (actualTexts is not null && actualTexts.TryGetValue(letter, out owner))
            {
                if (!used.Add(owner))
                {
                    continue;
                }

                value = owner.ActualText ?? string.Empty;
                isActual = true;
            }

            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var baseline = letter.StartBaseLine.Y;
            if (isActual)
            {
                // A span's glyphs are a base letter and marks placed over it (LibreOffice draws a decomposed
                // "ả" so): its place is the whole span's, on the base letter's baseline, not the first glyph's.
                (left, right, baseline, size) = SpanGeometry(owner!);
            }

            glyphs.Add(new Glyph(value, isActual ? null : letter.FontName, left, right, baseline, size, isActual));
        }

        var words = new List<PdfWord>();
        var current = new WordParts();
        var tcvn3 = 0;
        var vni = 0;
        foreach (var line in Lines(glyphs))
        {
            Glyph? previous = null;
            foreach (var glyph in line)
            {
                if (string.IsNullOrWhiteSpace(glyph.Value))
                {
                    current.Flush(words, fontCache, ref tcvn3, ref vni);
                    previous = glyph;
                    continue;
                }

                // Fake bold: the same glyph drawn again at (almost) the same place.
                if (previous is not null && previous.Value == glyph.Value && Math.Abs(previous.Left - glyph.Left) < 0.2 * glyph.Size
                    && Math.Abs(previous.Baseline - glyph.Baseline) < 0.2 * glyph.Size && !glyph.IsActualText)
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

                current.Add(glyph.Value, glyph.Font, glyph.Left, glyph.Right, glyph.Baseline, glyph.Size);
                previous = glyph;
            }

            current.Flush(words, fontCache, ref tcvn3, ref vni);
        }

        var hasImages = words.Count == 0 && page.GetImages().Any();
        return new PdfPageWords(words, tcvn3, vni, used.Count, hasImages);
    }

    /// <summary>
    /// The glyphs grouped into lines of one baseline, each read left to right. Content-stream order is not
    /// reading order: LibreOffice, for one, draws the glyphs it takes from a fallback font (often the
    /// accented letters) after the rest of the line, which would split "Cải" into "C", "i" and "ả".
    /// </summary>
    private static IEnumerable<List<Glyph>> Lines(List<Glyph> glyphs)
    {
        // Indices sorted by baseline (top first), content order within one baseline: a stable order without
        // LINQ's per-element allocations — this runs over every glyph of every page.
        var order = new (double Height, int Index)[glyphs.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = (-glyphs[i].Baseline, i);
        }

        Array.Sort(order);
        var line = new List<int>();
        var anchor = 0.0;
        foreach (var (_, index) in order)
        {
            var glyph = glyphs[index];
            if (line.Count > 0 && Math.Abs(anchor - glyph.Baseline) > BaselineTolerance * glyph.Size)
            {
                yield return Ordered(line, glyphs);
                line.Clear();
            }

            if (line.Count == 0)
            {
                anchor = glyph.Baseline;
            }

            line.Add(index);
        }

        if (line.Count > 0)
        {
            yield return Ordered(line, glyphs);
        }

        // Left to right; equal positions keep content order (a fake-bold glyph after its original).
        static List<Glyph> Ordered(List<int> line, List<Glyph> glyphs)
        {
            var keys = new (double Left, int Order)[line.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (Math.Round(glyphs[line[i]].Left, 1), line[i]);
            }

            Array.Sort(keys);
            var ordered = new List<Glyph>(keys.Length);
            foreach (var (_, index) in keys)
            {
                ordered.Add(glyphs[index]);
            }

            return ordered;
        }
    }

    private static (double Left, double Right, double Baseline, double Size) SpanGeometry(MarkedContentElement span)
    {
        var letters = span.Letters;
        var widest = letters.MaxBy(l => Math.Abs(l.EndBaseLine.X - l.StartBaseLine.X))!;
        return (
            letters.Min(l => Math.Min(l.StartBaseLine.X, l.EndBaseLine.X)),
            letters.Max(l => Math.Max(l.StartBaseLine.X, l.EndBaseLine.X)),
            widest.StartBaseLine.Y,
            letters.Max(l => l.PointSize > 0 ? l.PointSize : Math.Max(l.BoundingBox.Height, 1)));
    }

    private static Dictionary<Letter, MarkedContentElement>? ActualTextOwners(Page page)
    {
        Dictionary<Letter, MarkedContentElement>? owners = null;
        void Walk(IEnumerable<MarkedContentElement> elements)
        {
            foreach (var element in elements)
            {
                if (element.ActualText is not null && element.Letters.Count > 0)
                {
                    owners ??= new Dictionary<Letter, MarkedContentElement>(ReferenceEqualityComparer.Instance);
                    foreach (var letter in element.Letters)
                    {
                        owners.TryAdd(letter, element);
                    }

                    // The outermost replacement wins: nested spans are covered by it.
                    continue;
                }

                Walk(element.Children);
            }
        }

        Walk(page.GetMarkedContents());
        return owners;
    }

    /// <summary>The letters of one word being gathered, as runs of one font each.</summary>
    private sealed class WordParts
    {
        private readonly List<(string Value, string? Font)> _parts = [];
        private readonly StringBuilder _plain = new();

        public bool IsEmpty => _parts.Count == 0;

        public double Left { get; private set; }

        public double Right { get; private set; }

        public double Baseline { get; private set; }

        private double Size { get; set; }

        public void Add(string value, string? font, double left, double right, double baseline, double size)
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

            _parts.Add((value, font));
        }

        public void Flush(List<PdfWord> words, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache, ref int tcvn3, ref int vni)
        {
            if (_parts.Count == 0)
            {
                return;
            }

            if (AllUnicode(fontCache))
            {
                // The common case, a Unicode word: its text is its raw text.
                _plain.Clear();
                foreach (var (value, _) in _parts)
                {
                    _plain.Append(value);
                }

                var word = VietnameseText.ToNfc(_plain.ToString());
                words.Add(new PdfWord(word, word, Left, Right, Baseline, Size));
                _parts.Clear();
                return;
            }

            var text = new StringBuilder();
            var raw = new StringBuilder();
            var run = new StringBuilder();
            (LegacyEncoding Encoding, bool Capitals) runFont = (LegacyEncoding.None, false);
            foreach (var (value, font) in _parts)
            {
                raw.Append(value);
                var info = Classify(font, fontCache);
                if (info != runFont)
                {
                    EndRun(text, run, runFont, ref tcvn3, ref vni);
                    runFont = info;
                }

                run.Append(value);
            }

            EndRun(text, run, runFont, ref tcvn3, ref vni);
            words.Add(new PdfWord(VietnameseText.ToNfc(text.ToString()), VietnameseText.ToNfc(raw.ToString()), Left, Right, Baseline, Size));
            _parts.Clear();
        }

        // A plain loop: this runs for every word of every page, and a lambda would allocate a closure each time.
        private bool AllUnicode(Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fontCache)
        {
            foreach (var (_, font) in _parts)
            {
                if (Classify(font, fontCache).Encoding != LegacyEncoding.None)
                {
                    return false;
                }
            }

            return true;
        }

        private static void EndRun(StringBuilder text, StringBuilder run, (LegacyEncoding Encoding, bool Capitals) font, ref int tcvn3, ref int vni)
        {
            if (run.Length == 0)
            {
                return;
            }

            var value = run.ToString();
            run.Clear();
            // A legacy-named font whose map already yields Vietnamese letters is Unicode: converting it would garble it.
            if (font.Encoding == LegacyEncoding.None || value.Any(c => c is >= '\u0100' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9'))
            {
                text.Append(value);
                return;
            }

            if (font.Encoding == LegacyEncoding.Tcvn3)
            {
                value = SoftHyphens(value);
            }

            var converted = LegacyText.ToUnicode(value, font.Encoding, font.Capitals);
            if (!string.Equals(converted, value, StringComparison.Ordinal))
            {
                if (font.Encoding == LegacyEncoding.Tcvn3)
                {
                    tcvn3 += value.Length;
                }
                else
                {
                    vni += value.Length;
                }
            }

            text.Append(converted);
        }

        // TCVN3 spells ư with byte 0xAD, which WinAnsiEncoding names "hyphen": without a ToUnicode map PDF readers
        // give '-' for it. After a letter ("nh-", "Ng-êi") it is the letter, not a dash.
        private static string SoftHyphens(string value)
        {
            if (!value.Contains('-', StringComparison.Ordinal))
            {
                return value;
            }

            var chars = value.ToCharArray();
            for (var i = 1; i < chars.Length; i++)
            {
                if (chars[i] == '-' && IsTcvn3Letter(chars[i - 1]) && (i == chars.Length - 1 || IsTcvn3Letter(chars[i + 1])))
                {
                    chars[i] = '\u00AD';
                }
            }

            return new string(chars);
        }

        private static bool IsTcvn3Letter(char c) => char.IsLetter(c) || Tcvn3Converter.IsLegacyLetter(c);

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
    }

    /// <summary>A glyph (or an ActualText span) with its place on the page.</summary>
    private sealed record Glyph(string Value, string? Font, double Left, double Right, double Baseline, double Size, bool IsActualText);
}
