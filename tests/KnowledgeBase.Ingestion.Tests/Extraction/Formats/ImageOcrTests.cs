using System.Text;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Images;
using KnowledgeBase.Ingestion.Extraction.Ocr;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>Issue 12: PNG, JPEG and TIFF images read by Tesseract (vie), one page per frame, within the pixel caps.</summary>
public sealed class ImageOcrTests(ImageOcrTests.Scans scans) : IClassFixture<ImageOcrTests.Scans>, IDisposable
{
    private static readonly string[] First = ["Người dân được hướng dẫn đầy đủ", "khi làm thủ tục tại bộ phận một cửa."];
    private static readonly string[] FirstWords = ["Người", "dân", "hướng", "dẫn", "thủ", "tục", "một", "cửa"];
    private static readonly string[] Second = ["Quyết định có hiệu lực kể từ ngày ký", "và thay thế các quy định trước đây."];

    private readonly string _folder = Directory.CreateTempSubdirectory("kb-image-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    public async Task Image_VietnameseText_ReadByOcr(string format)
    {
        var image = (await TestImages.RenderAsync(scans.Pdf, format, 200))[0];

        var document = await Extractor().ExtractAsync(image, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal((ExtractionMethod.Ocr, PageVerdict.Ocr), (page.Method, page.Verdict));
        Assert.All(FirstWords, w => Assert.Contains(w, page.Text, StringComparison.Ordinal));
        Assert.Equal(DocumentKind.Image, await FormatDetector.DetectAsync(image));
    }

    [Fact]
    public async Task MultiPageTiff_OnePagePerFrame()
    {
        var tiff = Path.Combine(_folder, "scan.tif");
        TestImages.WriteTiff(tiff, await TestImages.RenderAsync(scans.Pdf, "png", 200));

        var document = await Extractor().ExtractAsync(tiff, CancellationToken.None);

        Assert.Equal([1, 2], document.Pages.Select(p => p.Number));
        Assert.Contains("hướng dẫn", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("hiệu lực", document.Pages[1].Text, StringComparison.Ordinal);
        Assert.Equal(DocumentKind.Image, await FormatDetector.DetectAsync(tiff));
    }

    [Fact]
    public async Task HugeImage_ShrunkToTheOcrCaps()
    {
        var tiff = Path.Combine(_folder, "poster.tif");
        TestImages.WriteTiff(tiff, [(9000, 6000, Enumerable.Repeat((byte)255, 9000 * 6000).ToArray())]);
        var ocr = new FakeOcr("Người dân được hướng dẫn đầy đủ khi làm thủ tục tại bộ phận một cửa của Ủy ban.");

        await new ImageExtractor(ocr).ExtractAsync(tiff, CancellationToken.None);

        var (width, height) = Assert.Single(ocr.Sizes);
        Assert.True(Math.Max(width, height) <= OcrResolution.MaxSidePixels && (double)width * height <= OcrResolution.MaxPixels, $"{width} × {height}");
        Assert.True(width >= 3900, $"{width} × {height}");
    }

    [Fact]
    public async Task Jpeg_TurnedByExifOrientation_ReadUpright()
    {
        var upright = (await TestImages.RenderAsync(scans.Pdf, "jpeg", 200))[0];
        var sideways = await TestImages.SidewaysJpegAsync(upright);
        var ocr = new FakeOcr("x");

        await new ImageExtractor(ocr).ExtractAsync(sideways, CancellationToken.None);
        var document = await Extractor().ExtractAsync(sideways, CancellationToken.None);

        var (width, height) = Assert.Single(ocr.Sizes);
        Assert.True(height > width, $"{width} × {height}: an A4 page is taller than wide once upright");
        var page = Assert.Single(document.Pages);
        Assert.Equal(PageVerdict.Ocr, page.Verdict);
        Assert.All(FirstWords, w => Assert.Contains(w, page.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 0, 0)] // as stored: the mark top left
    [InlineData(6, 19, 0)] // turned 90° clockwise: top right
    [InlineData(3, 39, 19)] // turned 180°: bottom right
    [InlineData(8, 0, 39)] // turned 90° counter-clockwise: bottom left
    public async Task Tiff_OrientationTag_TurnsThePage(int orientation, int markX, int markY)
    {
        // 40 × 20, white, a black 1-pixel mark at (0, 0) as stored; read row by row (strips) and whole (tiles).
        var gray = Enumerable.Repeat((byte)255, 40 * 20).ToArray();
        gray[0] = 0;
        var strips = Path.Combine(_folder, $"strips-{orientation}.tif");
        var tiles = Path.Combine(_folder, $"tiles-{orientation}.tif");
        TestImages.WriteTiff(strips, [(40, 20, gray)], orientation);
        TestImages.WriteTiledTiff(tiles, 40, 20, gray, orientation);
        var ocr = new FakeOcr("Người dân được hướng dẫn đầy đủ.");

        await new ImageExtractor(ocr).ExtractAsync(strips, CancellationToken.None);
        await new ImageExtractor(ocr).ExtractAsync(tiles, CancellationToken.None);

        var expectedSize = orientation >= 5 ? (20, 40) : (40, 20);
        Assert.Equal([expectedSize, expectedSize], ocr.Sizes);
        foreach (var pixels in ocr.Pixels)
        {
            Assert.Equal([(markX, markY)], pixels.Select((p, i) => (Value: p, X: i % expectedSize.Item1, Y: i / expectedSize.Item1)).Where(p => p.Value == 0).Select(p => (p.X, p.Y)));
        }
    }

    [Fact]
    public async Task HugeTiff_20000Square_ReadRowByRow_WithinMemory()
    {
        // 400 million pixels, 1-bit G4 like a large-format scan: a black band across rows 10,000–10,999.
        var tiff = Path.Combine(_folder, "ban-ve.tif");
        TestImages.WriteBilevelTiff(tiff, 20_000, 20_000, 10_000..11_000);
        var ocr = new FakeOcr("Bản vẽ mặt bằng tầng một của trụ sở Ủy ban nhân dân phường.");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = await new ImageExtractor(ocr).ExtractAsync(tiff, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var (width, height) = Assert.Single(ocr.Sizes);
        Assert.True(Math.Max(width, height) <= OcrResolution.MaxSidePixels && (double)width * height <= OcrResolution.MaxPixels, $"{width} × {height}");
        Assert.True(width >= 3400, $"{width} × {height}");

        // Decoded whole it would be 2 GB (an RGBA raster and its gray copy); row by row it is the shrunk image.
        Assert.True(allocated < 150L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated");
        var pixels = Assert.Single(ocr.Pixels);
        Assert.Equal(0, pixels[(height / 2 * width) + (width / 2)] / 4);
        Assert.Equal(255, pixels[(height / 4 * width) + (width / 2)]);
        Assert.Equal(PageVerdict.Ocr, Assert.Single(document.Pages).Verdict);
    }

    [Theory]
    [InlineData(20_000, 20_000, 2, 8)] // RGB: 400 million pixels, over the 96 million decoded whole
    [InlineData(9_000, 9_000, 6, 16)] // 16-bit RGBA: 81 million pixels, under 96 million, but 17 bytes a pixel to decode (over 800 MB)
    public async Task HugePng_RefusedFromItsHeader_TooLarge(int width, int height, int colorType, int bitDepth)
    {
        // Only the header: the size is read before any pixel is decoded.
        var png = Path.Combine(_folder, "poster.png");
        byte[] header = [0, 0, 0, 13, .. "IHDR"u8, (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
            (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, (byte)bitDepth, (byte)colorType, 0, 0, 0, 0, 0, 0, 0];
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. header, 0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82]);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => new ImageExtractor(new FakeOcr("x")).ExtractAsync(png, CancellationToken.None));

        Assert.True(error.Message.Contains($"{width:N0} × {height:N0} pixels", StringComparison.Ordinal), error.Message);
        Assert.Equal(KnowledgeBase.Ingestion.Pipeline.FailureReasons.TooLarge, KnowledgeBase.Ingestion.Pipeline.FailureReasons.Code(error.Message));
    }

    [Fact]
    public async Task PoorReading_IsOcrPoorWithWarning()
    {
        var image = (await TestImages.RenderAsync(scans.Pdf, "png", 50))[0];

        var document = await new ImageExtractor(new FakeOcr("nhiêt độ cuẩ vặt tăngg khhi nhậnn nhiệtt lưộng tỏa rqa mồi truồng bẳng cáchh dẫnn nhhiệt")).ExtractAsync(image, CancellationToken.None);

        Assert.Equal(PageVerdict.OcrPoor, Assert.Single(document.Pages).Verdict);
        Assert.Contains(document.Warnings, w => w.StartsWith("OCR read page 1 poorly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTesseract_FailsNamingTheProgram()
    {
        var image = (await TestImages.RenderAsync(scans.Pdf, "png", 50))[0];

        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractor(new ExtractionOptions { TesseractPath = "/nonexistent/tesseract" }).ExtractAsync(image, CancellationToken.None));

        Assert.Contains("not available here: the program '/nonexistent/tesseract' was not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated.png", "png")]
    [InlineData("truncated.jpg", "jpeg")]
    [InlineData("broken.tif", "tiff")]
    [InlineData("empty.png", "")]
    public async Task BrokenImage_FailsWithAReason(string name, string format)
    {
        var path = Path.Combine(_folder, name);
        var bytes = format switch
        {
            "" => [],
            "tiff" => Encoding.ASCII.GetBytes("II*\0\u00ff\u00ff\u00ff\u00ffnot a tiff"),
            _ => (await File.ReadAllBytesAsync((await TestImages.RenderAsync(scans.Pdf, format, 50))[0]))[..40],
        };
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => new ImageExtractor(new FakeOcr("x")).ExtractAsync(path, CancellationToken.None));

        Assert.Matches("empty|could not be (decoded|opened)", error.Message);
    }

    private static ImageExtractor Extractor(ExtractionOptions? options = null) => new(Extractors.Ocr(options ?? new ExtractionOptions()));

    private sealed class FakeOcr(string text) : IOcrEngine
    {
        public List<(int Width, int Height)> Sizes { get; } = [];

        /// <summary>The gray pixels of each image given, rows top to bottom.</summary>
        public List<byte[]> Pixels { get; } = [];

        public Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not a PDF");

        public Task<OcrResult> RecognizeImageAsync(string imagePath, CancellationToken cancellationToken)
        {
            // "P5\nW H\n255\n"
            var bytes = File.ReadAllBytes(imagePath);
            var header = Encoding.ASCII.GetString(bytes.AsSpan(0, Math.Min(32, bytes.Length))).Split('\n');
            var size = header[1].Split(' ');
            var (width, height) = (int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture));
            Sizes.Add((width, height));
            Pixels.Add(bytes[^(width * height)..]);
            return Task.FromResult(new OcrResult(OcrStatus.Recognized, text));
        }
    }

    /// <summary>The two pages of text printed to PDF once (LibreOffice takes seconds to start).</summary>
    public sealed class Scans : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("kb-scans-").FullName;

        public string Pdf { get; private set; } = string.Empty;

        public async Task InitializeAsync() => Pdf = await TestImages.PdfAsync(_folder, "scan", First, Second);

        public Task DisposeAsync()
        {
            Directory.Delete(_folder, recursive: true);
            return Task.CompletedTask;
        }
    }
}
