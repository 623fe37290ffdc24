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

        public Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not a PDF");

        public Task<OcrResult> RecognizeImageAsync(string imagePath, CancellationToken cancellationToken)
        {
            // "P5\nW H\n255\n"
            var header = Encoding.ASCII.GetString(File.ReadAllBytes(imagePath).AsSpan(0, 32)).Split('\n');
            var size = header[1].Split(' ');
            Sizes.Add((int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture)));
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
