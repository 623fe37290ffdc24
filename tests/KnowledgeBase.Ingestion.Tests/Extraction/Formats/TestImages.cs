using BitMiracle.LibTiff.Classic;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Testing;
using StbImageSharp;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>
/// Images of Vietnamese text for the OCR tests: a PDF printed by LibreOffice (one line set per page) rendered by
/// pdftoppm (poppler-utils, installed by scripts/install-test-deps.sh); TIFFs written with LibTiff.NET.
/// </summary>
internal static class TestImages
{
    /// <summary>A PDF LibreOffice made of the lines of each page (its fonts embedded, so the letters drawn are the Vietnamese ones).</summary>
    public static async Task<string> PdfAsync(string folder, string name, params string[][] pages)
    {
        var breakStyle = "<office:automatic-styles><style:style style:name=\"B\" style:family=\"paragraph\"><style:paragraph-properties fo:break-before=\"page\"/></style:style></office:automatic-styles>";
        var body = string.Concat(pages.Select((lines, page) => string.Concat(lines.Select((line, i) =>
            $"<text:p{(page > 0 && i == 0 ? " text:style-name=\"B\"" : string.Empty)}>{System.Security.SecurityElement.Escape(line)}</text:p>"))));
        var fodt = Path.Combine(folder, name + ".fodt");
        TestOdt.WriteFlat(fodt, body, breakStyle);
        return await TestDoc.PdfFromOdtAsync(fodt);
    }

    /// <summary>One image file per page of <paramref name="pdfPath"/>, "png" or "jpeg", rendered at <paramref name="dpi"/>.</summary>
    public static async Task<List<string>> RenderAsync(string pdfPath, string format, int dpi)
    {
        var name = Path.GetFileNameWithoutExtension(pdfPath) + "-" + format + dpi.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.GetDirectoryName(pdfPath)!;
        var pdftoppm = ExternalProgram.Locate("pdftoppm") ?? throw new InvalidOperationException("pdftoppm is not installed: run ./test.sh, which installs the test dependencies.");
        var result = await ExternalProgram.RunAsync(pdftoppm, ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-" + format, pdfPath, Path.Combine(folder, name)], TimeSpan.FromMinutes(2), CancellationToken.None);
        var files = Directory.EnumerateFiles(folder, name + "-*").Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new InvalidOperationException($"pdftoppm made {files.Count} images: {result.StandardError}");
    }

    /// <summary>A multi-page 8-bit gray TIFF (LZW) with one page per image file.</summary>
    public static void WriteTiff(string path, IEnumerable<string> pngFiles) =>
        WriteTiff(path, pngFiles.Select(f => ImageResult.FromMemory(File.ReadAllBytes(f), ColorComponents.Grey)).Select(i => (i.Width, i.Height, i.Data)));

    public static void WriteTiff(string path, IEnumerable<(int Width, int Height, byte[] Gray)> frames)
    {
        using var tiff = Tiff.Open(path, "w");
        foreach (var (width, height, gray) in frames)
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, width);
            tiff.SetField(TiffTag.IMAGELENGTH, height);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tiff.SetField(TiffTag.COMPRESSION, Compression.LZW);
            tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
            tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
            for (var row = 0; row < height; row++)
            {
                tiff.WriteScanline(gray.AsSpan(row * width, width).ToArray(), row);
            }

            tiff.WriteDirectory();
        }
    }
}
