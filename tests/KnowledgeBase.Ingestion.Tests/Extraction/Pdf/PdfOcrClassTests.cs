using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using KnowledgeBase.Ingestion.Extraction.Pdf;
using KnowledgeBase.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Pdf;

/// <summary>Issue 12, classes 4–6: OCR resolution from the page size, OCR of garbled pages, poor OCR flagged.</summary>
public sealed class PdfOcrClassTests : IDisposable
{
    private const string GoodReading = "Cải cách hành chính là nhiệm vụ trọng tâm của chính quyền các cấp trong năm nay, người dân được hướng dẫn đầy đủ khi làm thủ tục tại bộ phận một cửa.";

    // What Tesseract makes of a handwritten answer sheet: the printed labels, then guesses.
    private const string HandwritingReading = "Trường:\n\nLớp: 10A Họ tên: Nguyễn vằn Bìnhh\n\nĐiểm: Lời phê của thầy cô giáo\n\nnhiêt độ cuẩ vặt tăngg khhi nhậnn nhiệtt lưộng tỏa rqa mồi truồng bẳng cáchh dẫnn nhhiệt";

    private readonly string _folder = Directory.CreateTempSubdirectory("kb-pdf-ocr-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(595, 842, 300, 300)] // A4: as configured
    [InlineData(2547, 3510, 300, 82)] // A0 official scan: longest side 4,000 px
    [InlineData(1684, 2384, 300, 120)] // A2: longest side 3,973 px
    [InlineData(4000, 4000, 300, 62)] // a square poster: 12 million pixels
    [InlineData(595, 842, 150, 150)] // never above the configured resolution
    [InlineData(20000, 20000, 300, 50)] // never below 50 dpi
    public void Dpi_FromPageSize_CapsSideAndPixels(double width, double height, int configured, int expected)
    {
        var dpi = OcrResolution.Dpi(width, height, configured);

        Assert.Equal(expected, dpi);
        Assert.True(Math.Max(width, height) / 72 * dpi <= OcrResolution.MaxSidePixels || dpi == OcrResolution.MinDpi);
    }

    [Fact]
    public async Task Extract_LargeScannedPage_AsksOcrForItsSize()
    {
        var ocr = new FakeOcr(GoodReading);
        var path = Write("a0.pdf", new TestPdf().AddPage(2547, 3510).FilledSquares(30).Build());

        await Extractor(ocr).ExtractAsync(path, CancellationToken.None);

        Assert.Equal((2547d, 3510d), Assert.Single(ocr.Sizes));
    }

    [Fact]
    public async Task Extract_GarbledPageWithOcr_KeepsTheBetterReading()
    {
        var path = Write("garbled.pdf", GarbledPdf());

        var withGoodOcr = await Extractor(new FakeOcr(GoodReading)).ExtractAsync(path, CancellationToken.None);
        var withBadOcr = await Extractor(new FakeOcr("xzq qqxz")).ExtractAsync(path, CancellationToken.None);

        var page = Assert.Single(withGoodOcr.Pages);
        Assert.Equal((ExtractionMethod.Ocr, PageVerdict.Ocr, GoodReading), (page.Method, page.Verdict, page.Text));
        Assert.DoesNotContain(withGoodOcr.Warnings, w => w.Contains("garbled", StringComparison.Ordinal));
        Assert.Equal((ExtractionMethod.TextLayer, PageVerdict.Garbled), (withBadOcr.Pages[0].Method, withBadOcr.Pages[0].Verdict));
    }

    [Fact]
    public async Task Extract_PoorlyReadScan_IsOcrPoorWithWarningAndNoLabelTitle()
    {
        var path = Write("handwritten.pdf", new TestPdf().AddImagePage().AddImagePage().Build());

        var document = await Extractor(new FakeOcr(HandwritingReading)).ExtractAsync(path, CancellationToken.None);

        Assert.All(document.Pages, p => Assert.Equal((ExtractionMethod.Ocr, PageVerdict.OcrPoor), (p.Method, p.Verdict)));
        Assert.Contains(document.Warnings, w => w.StartsWith("OCR read pages 1–2 poorly", StringComparison.Ordinal));
        Assert.NotEqual("Trường:", document.Title);
        Assert.Contains("\"verdict\":\"ocr_poor\"", ExtractedDocumentJson.Serialize(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_WellReadScan_IsOcr()
    {
        var path = Write("printed.pdf", new TestPdf().AddImagePage().Build());

        var document = await Extractor(new FakeOcr(GoodReading)).ExtractAsync(path, CancellationToken.None);

        Assert.Equal(PageVerdict.Ocr, Assert.Single(document.Pages).Verdict);
    }

    // 30 words of a sentence in a font whose text layer reads as letters of Latin Extended-A.
    private static byte[] GarbledPdf()
    {
        var pdf = new TestPdf().AddPage();
        for (var line = 0; line < 5; line++)
        {
            pdf.Garbled(72, 760 - (line * 14), 11, "cai cach hanh chinh la nhiem vu trong tam");
        }

        return pdf.Build();
    }

    private static PdfExtractor Extractor(IOcrEngine ocr) =>
        new(ocr, Options.Create(new ExtractionOptions()), NullLogger<PdfExtractor>.Instance);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class FakeOcr(string text) : IOcrEngine
    {
        public List<(double Width, double Height)> Sizes { get; } = [];

        public Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken) =>
            Task.FromResult(new OcrResult(OcrStatus.Recognized, text));

        public Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, double widthPoints, double heightPoints, CancellationToken cancellationToken)
        {
            lock (Sizes)
            {
                Sizes.Add((widthPoints, heightPoints));
            }

            return RecognizePdfPageAsync(pdfPath, pageNumber, cancellationToken);
        }
    }
}
