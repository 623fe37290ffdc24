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

    public static void WriteTiff(string path, IEnumerable<(int Width, int Height, byte[] Gray)> frames, int orientation = 1)
    {
        using var tiff = Tiff.Open(path, "w");
        foreach (var (width, height, gray) in frames)
        {
            tiff.SetField(TiffTag.ORIENTATION, orientation);
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

    /// <summary>A black-and-white (1-bit, CCITT G4) TIFF page, as a fax or a document scanner writes, all white but for rows <paramref name="blackRows"/>.</summary>
    public static void WriteBilevelTiff(string path, int width, int height, Range blackRows)
    {
        using var tiff = Tiff.Open(path, "w");
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
        tiff.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
        tiff.SetField(TiffTag.ROWSPERSTRIP, height);
        var white = new byte[(width + 7) / 8];
        var black = Enumerable.Repeat((byte)0xFF, white.Length).ToArray();
        var (from, length) = blackRows.GetOffsetAndLength(height);
        for (var row = 0; row < height; row++)
        {
            tiff.WriteScanline(row >= from && row < from + length ? black : white, row);
        }

        tiff.WriteDirectory();
    }

    /// <summary>An 8-bit gray TIFF page in 16 × 16 tiles (read whole, not row by row) with an orientation tag.</summary>
    public static void WriteTiledTiff(string path, int width, int height, byte[] gray, int orientation)
    {
        using var tiff = Tiff.Open(path, "w");
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tiff.SetField(TiffTag.TILEWIDTH, 16);
        tiff.SetField(TiffTag.TILELENGTH, 16);
        tiff.SetField(TiffTag.ORIENTATION, orientation);
        for (var ty = 0; ty < height; ty += 16)
        {
            for (var tx = 0; tx < width; tx += 16)
            {
                var tile = new byte[16 * 16];
                for (var y = 0; y < 16 && ty + y < height; y++)
                {
                    for (var x = 0; x < 16 && tx + x < width; x++)
                    {
                        tile[(y * 16) + x] = gray[((ty + y) * width) + tx + x];
                    }
                }

                tiff.WriteTile(tile, tx, ty, 0, 0);
            }
        }

        tiff.WriteDirectory();
    }

    /// <summary>
    /// <paramref name="jpegPath"/> turned 90° counter-clockwise losslessly by jpegtran (libjpeg-turbo-progs, installed by
    /// scripts/install-test-deps.sh), with an EXIF block saying Orientation 6 (turn 90° clockwise to view), as a
    /// phone held sideways writes it.
    /// </summary>
    public static async Task<string> SidewaysJpegAsync(string jpegPath)
    {
        var jpegtran = ExternalProgram.Locate("jpegtran") ?? throw new InvalidOperationException("jpegtran is not installed: run ./test.sh, which installs the test dependencies.");
        var turned = Path.ChangeExtension(jpegPath, ".turned.jpg");
        var result = await ExternalProgram.RunAsync(jpegtran, ["-rotate", "270", "-trim", "-copy", "none", "-outfile", turned, jpegPath], TimeSpan.FromMinutes(1), CancellationToken.None);
        if (!File.Exists(turned))
        {
            throw new InvalidOperationException("jpegtran failed: " + result.StandardError);
        }

        // APP1: "Exif\0\0", a big-endian TIFF header, IFD0 with one entry: Orientation (0x0112), SHORT, 1, value 6.
        byte[] tiffHeader = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8, .. tiffHeader];
        var length = payload.Length + 2;
        var bytes = await File.ReadAllBytesAsync(turned);
        var sideways = Path.ChangeExtension(jpegPath, ".sideways.jpg");
        await File.WriteAllBytesAsync(sideways, [.. bytes[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. bytes[2..]]);
        return sideways;
    }
}
