using System.Globalization;
using System.Text;
using KnowledgeBase.Vietnamese.Legacy;

namespace KnowledgeBase.Testing;

/// <summary>
/// A minimal PDF writer for fixtures whose every byte the tests control: simple fonts that are not embedded
/// (no font file, so no licence question) named as the case needs (".VnTime", "VNI-Times" or a Unicode font
/// with a ToUnicode map), text placed at given positions, marked-content /ActualText spans and image-only
/// pages. Output is deterministic.
/// </summary>
public sealed class TestPdf
{
    public const int UnicodeFont = 0;
    public const int Tcvn3Font = 1;
    public const int Tcvn3CapitalsFont = 2;
    public const int VniFont = 3;

    /// <summary>".VnArial" whose ToUnicode map sends TCVN3 bytes to look-alikes: à (0xB5) to Greek mu, ư (0xAD) to a minus sign.</summary>
    public const int Tcvn3LookalikeFont = 4;

    /// <summary>".VnCourier" whose ToUnicode map gives ư (0xAD) as a soft hyphen and every other byte as Latin-1.</summary>
    public const int Tcvn3SoftHyphenFont = 5;

    /// <summary>A font whose Unicode map sends every letter to a letter of Latin Extended-A, as a Type-3 font without a real map reads.</summary>
    public const int GarbledFont = 6;

    // The fonts after the first four are written only into PDFs that use them, so older fixtures keep their bytes.
    private const int BaseFonts = 4;

    // Every glyph of the test fonts is 500/1000 em wide.
    private const double GlyphWidth = 0.5;
    private static readonly string[] FontNames = ["KBTestSans", ".VnTime", ".VnTimeH", "VNI-Times", ".VnArial", ".VnCourier", "KBGarbled"];
    private readonly List<StringBuilder> _pages = [];
    private readonly List<bool> _imagePages = [];
    private readonly List<(double Width, double Height)> _sizes = [];
    private readonly HashSet<int> _usedFonts = [];
    private string? _title;
    private readonly Dictionary<string, byte> _codes = new(StringComparer.Ordinal) { [" "] = 32 };

    public TestPdf AddPage() => AddPage(595, 842);

    /// <summary>A page of the given size in points (A4 is 595 × 842).</summary>
    public TestPdf AddPage(double width, double height)
    {
        _pages.Add(new StringBuilder());
        _imagePages.Add(false);
        _sizes.Add((width, height));
        return this;
    }

    /// <summary>The document information dictionary's /Title (a Unicode string).</summary>
    public TestPdf Title(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>
    /// A page drawn as a "Print To PDF" driver draws a scan: an inline image (<c>BI … ID … EI</c>) of grey
    /// stripes, no image XObject and no text layer.
    /// </summary>
    public TestPdf AddInlineImagePage()
    {
        AddPage();
        var data = new StringBuilder();
        for (var i = 0; i < 64; i++)
        {
            data.Append(i % 8 < 4 ? "00" : "FF");
        }

        _pages[^1].Append(CultureInfo.InvariantCulture, $"q 400 0 0 600 100 100 cm\nBI /W 8 /H 8 /CS /G /BPC 8 /F /AHx ID\n{data}>\nEI\nQ\n");
        return this;
    }

    /// <summary><paramref name="count"/> small filled squares in a row, as outlined text or a vector drawing paints them.</summary>
    public TestPdf FilledSquares(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _pages[^1].Append(CultureInfo.InvariantCulture, $"{72 + (i * 8)} 700 5 5 re f\n");
        }

        return this;
    }

    /// <summary>ASCII text drawn in <see cref="GarbledFont"/>: it prints, but its text layer is not readable.</summary>
    public TestPdf Garbled(double x, double y, double size, string ascii) =>
        Show(GarbledFont, x, y, size, Encoding.ASCII.GetBytes(ascii));

    /// <summary>Text in TCVN3 bytes drawn with one of the legacy fonts (<see cref="Tcvn3LookalikeFont"/>, <see cref="Tcvn3SoftHyphenFont"/>…).</summary>
    public TestPdf Tcvn3(int font, double x, double y, double size, string unicode) =>
        Show(font, x, y, size, LegacyEncoder.ToTcvn3(unicode));

    /// <summary>A page with a grey image and no text layer, as a scan has.</summary>
    public TestPdf AddImagePage()
    {
        _pages.Add(new StringBuilder("q 400 0 0 600 100 100 cm /Im1 Do Q\n"));
        _imagePages.Add(true);
        _sizes.Add((595, 842));
        return this;
    }

    /// <summary>The last page again, <paramref name="times"/> more times, all drawing one shared content stream.</summary>
    public TestPdf RepeatPage(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _pages.Add(_pages[^1]);
            _imagePages.Add(_imagePages[^1]);
            _sizes.Add(_sizes[^1]);
        }

        return this;
    }

    /// <summary>Unicode text in the ToUnicode-mapped font.</summary>
    public TestPdf Text(double x, double y, double size, string text) => Show(UnicodeFont, x, y, size, Encode(text));

    /// <summary>
    /// A line of Unicode text set the way pdfTeX sets it: no space glyphs, every word placed by the displacements
    /// of one <c>TJ</c> array and drawn as two glyph runs with a small kern between them, the word gaps stretched
    /// so the line is <paramref name="width"/> wide (justified), or a third of an em each when it is 0.
    /// </summary>
    public TestPdf TexLine(double x, double y, double size, string text, double width = 0)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Encode).ToArray();
        var glyphs = words.Sum(w => w.Length);
        var gap = width > 0 && words.Length > 1 ? ((width / size) - (glyphs * GlyphWidth)) / (words.Length - 1) : 1.0 / 3;
        var array = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                array.Append(CultureInfo.InvariantCulture, $" {-gap * 1000:0.###} ");
            }

            var half = words[i].Length / 2;
            array.Append(half == 0 ? $"<{Hex(words[i])}>" : $"<{Hex(words[i][..half])}> 12 <{Hex(words[i][half..])}>");
        }

        _usedFonts.Add(UnicodeFont);
        _pages[^1].Append(CultureInfo.InvariantCulture, $"BT /F{UnicodeFont} {size} Tf {x} {y} Td [{array}] TJ ET\n");
        return this;
    }

    /// <summary>Text written in TCVN3 bytes with a ".VnTime" (or ".VnTimeH") font.</summary>
    public TestPdf Tcvn3(double x, double y, double size, string unicode, bool capitals = false) =>
        Show(capitals ? Tcvn3CapitalsFont : Tcvn3Font, x, y, size, LegacyEncoder.ToTcvn3(unicode));

    /// <summary>Text written in VNI bytes with a "VNI-Times" font.</summary>
    public TestPdf Vni(double x, double y, double size, string unicode) => Show(VniFont, x, y, size, LegacyEncoder.ToVni(unicode));

    /// <summary>Glyphs for <paramref name="glyphs"/> inside a span whose /ActualText is <paramref name="actualText"/>.</summary>
    public TestPdf ActualText(double x, double y, double size, string glyphs, string actualText) =>
        BeginActualText(actualText).Text(x, y, size, glyphs).EndMarkedContent();

    /// <summary>Opens a marked-content span with /ActualText (closed by <see cref="EndMarkedContent"/>, or never).</summary>
    public TestPdf BeginActualText(string actualText)
    {
        _pages[^1].Append(CultureInfo.InvariantCulture, $"/Span <</ActualText <FEFF{Hex(Encoding.BigEndianUnicode.GetBytes(actualText))}>>> BDC\n");
        return this;
    }

    /// <summary>Opens a marked-content span without properties.</summary>
    public TestPdf BeginMarkedContent()
    {
        _pages[^1].Append("/Span BMC\n");
        return this;
    }

    public TestPdf EndMarkedContent()
    {
        _pages[^1].Append("EMC\n");
        return this;
    }

    public byte[] Build()
    {
        var objects = new List<string>();
        var fontIds = new List<int>();
        var fontKeys = new List<int>();
        var pageIds = new List<int>();
        // 1: catalog, 2: pages; the rest follow.
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add(string.Empty);
        var widths = "[" + string.Join(' ', Enumerable.Repeat("500", 256)) + "]";
        for (var f = 0; f < FontNames.Length; f++)
        {
            if (f >= BaseFonts && !_usedFonts.Contains(f))
            {
                continue;
            }

            objects.Add($"<< /Type /FontDescriptor /FontName /{FontNames[f]} /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>");
            var descriptor = objects.Count;
            var toUnicode = string.Empty;
            if (f is UnicodeFont or Tcvn3LookalikeFont or Tcvn3SoftHyphenFont or GarbledFont)
            {
                objects.Add(Stream(f == UnicodeFont ? CMap() : Tcvn3CMap(f)));
                toUnicode = $" /ToUnicode {objects.Count} 0 R";
            }

            objects.Add($"<< /Type /Font /Subtype /TrueType /BaseFont /{FontNames[f]} /FirstChar 0 /LastChar 255 /Widths {widths} /FontDescriptor {descriptor} 0 R /Encoding /WinAnsiEncoding{toUnicode} >>");
            fontIds.Add(objects.Count);
            fontKeys.Add(f);
        }

        objects.Add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0080\u00A0\u00C0\u00E0\nendstream");
        var image = objects.Count;
        var fonts = string.Join(' ', fontIds.Select((id, i) => $"/F{fontKeys[i]} {id} 0 R"));
        var contents = new Dictionary<StringBuilder, int>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < _pages.Count; p++)
        {
            var page = _pages[p];
            if (!contents.TryGetValue(page, out var content))
            {
                objects.Add(Stream(page.ToString()));
                content = contents[page] = objects.Count;
            }

            var (width, height) = _sizes[p];
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width.ToString(CultureInfo.InvariantCulture)} {height.ToString(CultureInfo.InvariantCulture)}] /Contents {content} 0 R /Resources << /Font << {fonts} >> /XObject << /Im1 {image} 0 R >> >> >>");
            pageIds.Add(objects.Count);
        }

        var info = string.Empty;
        if (_title is not null)
        {
            objects.Add($"<< /Title <FEFF{Hex(Encoding.BigEndianUnicode.GetBytes(_title))}> >>");
            info = $" /Info {objects.Count} 0 R";
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {pageIds.Count} >>";
        var output = new MemoryStream();
        var latin1 = Encoding.Latin1;
        void Write(string s) => output.Write(latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private TestPdf Show(int font, double x, double y, double size, byte[] bytes)
    {
        _usedFonts.Add(font);
        _pages[^1].Append(CultureInfo.InvariantCulture, $"BT /F{font} {size} Tf {x} {y} Td <{Hex(bytes)}> Tj ET\n");
        return this;
    }

    private byte[] Encode(string text)
    {
        var bytes = new List<byte>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            if (!_codes.TryGetValue(element, out var code))
            {
                code = (byte)(33 + _codes.Count);
                if (_codes.Count > 200)
                {
                    throw new InvalidOperationException("Too many distinct characters for one simple font.");
                }

                _codes[element] = code;
            }

            bytes.Add(code);
        }

        return [.. bytes];
    }

    private string CMap()
    {
        var builder = new StringBuilder();
        builder.Append("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
        builder.Append("/CMapName /KBTest def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n");
        builder.Append(CultureInfo.InvariantCulture, $"{_codes.Count} beginbfchar\n");
        foreach (var (text, code) in _codes.OrderBy(kv => kv.Value))
        {
            builder.Append(CultureInfo.InvariantCulture, $"<{code:X2}> <{Hex(Encoding.BigEndianUnicode.GetBytes(text))}>\n");
        }

        builder.Append("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
        return builder.ToString();
    }

    // Latin-1 for every byte, as a producer that knows nothing of TCVN3 writes it, with the look-alikes of the case.
    private static string Tcvn3CMap(int font)
    {
        var builder = new StringBuilder();
        builder.Append("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
        builder.Append("/CMapName /KBTcvn3 def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n");
        builder.Append("224 beginbfchar\n");
        for (var code = 0x20; code <= 0xFF; code++)
        {
            var unicode = (code, font) switch
            {
                (0xB5, Tcvn3LookalikeFont) => 0x03BC,
                (0xAD, Tcvn3LookalikeFont) => 0x2212,
                ( >= 0x61 and <= 0x7A, GarbledFont) => 0x0100 + code,
                _ => code,
            };
            builder.Append(CultureInfo.InvariantCulture, $"<{code:X2}> <{unicode:X4}>\n");
        }

        builder.Append("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
        return builder.ToString();
    }

    private static string Stream(string content) =>
        $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}endstream";

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Unicode → legacy bytes, by searching the converters' own tables (each letter has one spelling).</summary>
    public static class LegacyEncoder
    {
        private static readonly Dictionary<string, byte[]> Tcvn3 = Build(LegacyEncoding.Tcvn3);
        private static readonly Dictionary<string, byte[]> Vni = Build(LegacyEncoding.Vni);

        public static byte[] ToTcvn3(string text) => Encode(text, Tcvn3);

        public static byte[] ToVni(string text) => Encode(text, Vni);

        private static byte[] Encode(string text, Dictionary<string, byte[]> table)
        {
            var bytes = new List<byte>();
            foreach (var c in text.Normalize(NormalizationForm.FormC))
            {
                var key = c.ToString();
                if (table.TryGetValue(key, out var legacy))
                {
                    bytes.AddRange(legacy);
                }
                else if (c < 0x80)
                {
                    bytes.Add((byte)c);
                }
                else
                {
                    throw new ArgumentException($"'{c}' has no spelling in this legacy encoding.", nameof(text));
                }
            }

            return [.. bytes];
        }

        private static Dictionary<string, byte[]> Build(LegacyEncoding encoding)
        {
            var table = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var b = 0xA0; b <= 0xFF; b++)
            {
                var single = LegacyText.ToUnicode(((char)b).ToString(), encoding);
                // Letters a legacy encoding spells with their own Latin-1 byte: TCVN3 ý, VNI í and ì.
                var identity = encoding == LegacyEncoding.Tcvn3 ? b == 0xFD : b is 0xCC or 0xCD or 0xEC or 0xED;
                if (single.Length == 1 && (single[0] != (char)b || identity))
                {
                    table.TryAdd(single, [(byte)b]);
                }
            }

            if (encoding == LegacyEncoding.Vni)
            {
                foreach (var letter in "aeouyAEOUY\u00F4\u00F6\u00D4\u00D6")
                {
                    for (var mark = 0xC0; mark <= 0xFF; mark++)
                    {
                        var pair = LegacyText.ToUnicode(new string([letter, (char)mark]), encoding);
                        if (pair.Length == 1)
                        {
                            table.TryAdd(pair, [(byte)letter, (byte)mark]);
                        }
                    }
                }
            }

            return table;
        }
    }
}
