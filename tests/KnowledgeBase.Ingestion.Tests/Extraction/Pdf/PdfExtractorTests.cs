using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Pdf;

public sealed class PdfExtractorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-pdf-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Extract_LegacyPages_ReportMethodVerdictAndQuality()
    {
        var document = await Extractors.Pdf().ExtractAsync(Golden("tcvn3_mixed"), CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(ExtractionMethod.LegacyTcvn3, page.Method);
        Assert.Equal(PageVerdict.Repaired, page.Verdict);
        Assert.Equal(1.0, page.Quality);
        Assert.Equal(TextBlockKind.Heading, page.Blocks[0].Kind);
    }

    [Fact]
    public async Task Extract_ActualTextPage_IsMarkedActualText()
    {
        var document = await Extractors.Pdf().ExtractAsync(Golden("actualtext"), CancellationToken.None);

        Assert.Equal(ExtractionMethod.ActualText, Assert.Single(document.Pages).Method);
    }

    [Fact]
    public async Task Extract_NestedActualTextSpans_OutermostReplacesAllItsGlyphsOnce()
    {
        // The outer span's text stands for everything inside it, the inner span's glyphs and text included.
        var path = Write("nested.pdf", new TestPdf()
            .AddPage()
            .Text(72, 760, 11, "Cải cách")
            .BeginActualText("hành chính")
            .Text(120, 760, 11, "ha`nh")
            .BeginMarkedContent()
            .ActualText(152, 760, 11, "chi\u00B4nh", "chinh")
            .EndMarkedContent()
            .EndMarkedContent()
            .Text(190, 760, 11, "nhà nước.")
            .Build());

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal("Cải cách hành chính nhà nước.", page.Text);
        Assert.Equal(ExtractionMethod.ActualText, page.Method);
    }

    [Fact]
    public async Task Extract_ActualTextSpanNeverClosed_StillReplacesItsGlyphs()
    {
        var path = Write("unclosed.pdf", new TestPdf()
            .AddPage()
            .Text(72, 760, 11, "Cải cách")
            .BeginActualText("hành")
            .Text(120, 760, 11, "ha`nh")
            .Build());

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Cải cách hành", Assert.Single(document.Pages).Text);
    }

    [Fact]
    public async Task Extract_SymbolFontBulletsAndBracketPieces_BecomeBulletsAndVanish()
    {
        // Word's Wingdings bullets (U+F076 ❖, U+F0D8 ➢) and TeX's tall-brace pieces (U+F8F1, U+F8F4) come out of
        // fonts without a real Unicode value: they would show as boxes.
        var path = Write("symbols.pdf", new TestPdf()
            .AddPage()
            .Text(72, 760, 11, "\uF076 Mục đích")
            .Text(72, 740, 11, "\uF0D8 Ví dụ: đồng hồ đo tốc độ")
            .Text(72, 700, 11, "\uF8F1\uF8F4 0 nếu x nhỏ")
            .Build());

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal("• Mục đích\n\n• Ví dụ: đồng hồ đo tốc độ\n\n0 nếu x nhỏ", page.Text);
        Assert.DoesNotContain(page.Text, c => c is >= '\uE000' and <= '\uF8FF');
    }

    [Fact]
    public async Task Extract_LongPdf_SameResultWithOneOrSeveralPageReaders()
    {
        // Mid-page lines that differ from page to page in words, not only in numbers (those would be running headers).
        string[] topics = ["cải cách hành chính", "dịch vụ công", "chính quyền điện tử", "thủ tục đất đai", "văn bản pháp luật"];
        string[] places = ["tỉnh", "huyện", "xã", "thành phố"];
        var pdf = new TestPdf();
        for (var p = 1; p <= 40; p++)
        {
            pdf.AddPage().Text(72, 500, 10, $"Báo cáo {topics[p % topics.Length]} của {places[p % places.Length]} năm {2000 + p}")
                .Tcvn3(72, 480, 10, $"Kết quả về {topics[(p + 2) % topics.Length]} được công khai");
        }

        var path = Write("long.pdf", pdf.Build());
        var one = Extractors.Pdf(new ExtractionOptions { EnableOcr = false, PdfReadWorkers = 1 });
        var four = Extractors.Pdf(new ExtractionOptions { EnableOcr = false, PdfReadWorkers = 4 });

        var sequential = await one.ExtractAsync(path, CancellationToken.None);
        var parallel = await four.ExtractAsync(path, CancellationToken.None);

        Assert.Equal(1, one.PageReadersFor(40));
        Assert.Equal(4, four.PageReadersFor(40));
        Assert.Equal(40, parallel.Pages.Count);
        Assert.Equal(sequential.Pages.Select(p => (p.Number, p.Text, p.Method, p.Verdict)), parallel.Pages.Select(p => (p.Number, p.Text, p.Method, p.Verdict)));
        Assert.Equal("Báo cáo chính quyền điện tử của huyện năm 2017\n\nKết quả về văn bản pháp luật được công khai", parallel.Pages[16].Text);
        Assert.Equal(ExtractionMethod.LegacyTcvn3, parallel.Pages[16].Method);
    }

    [Fact]
    public async Task Extract_ImageOnlyPageWithoutOcrPrograms_NeedsOcrWithWarning()
    {
        var path = Write("scan.pdf", new TestPdf().AddImagePage().Build());
        var options = new ExtractionOptions { TesseractPath = "/nonexistent/tesseract" };

        var document = await Extractors.Pdf(options).ExtractAsync(path, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(PageVerdict.NeedsOcr, page.Verdict);
        Assert.Empty(page.Blocks);
        Assert.Contains(document.Warnings, w => w.Contains("need OCR", StringComparison.Ordinal) && w.Contains("/nonexistent/tesseract", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_BlankPage_IsEmptyNotNeedsOcr()
    {
        var path = Write("blank.pdf", new TestPdf().AddPage().Build());

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(PageVerdict.Empty, Assert.Single(document.Pages).Verdict);
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [InlineData("empty.pdf", "", "empty")]
    [InlineData("garbage.pdf", "%PDF-1.4\nthis is not a pdf at all", "not a readable PDF")]
    [InlineData("truncated.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "not a readable PDF")]
    public async Task Extract_BadFile_ThrowsReadableExtractionException(string name, string content, string reason)
    {
        var path = Write(name, System.Text.Encoding.Latin1.GetBytes(content));

        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractors.Pdf().ExtractAsync(path, CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_MissingFile_ThrowsExtractionException()
    {
        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractors.Pdf().ExtractAsync(Path.Combine(_folder, "nope.pdf"), CancellationToken.None));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_EncryptedPdf_SaysItIsEncrypted()
    {
        // Made once with: qpdf --encrypt user owner 256 -- golden/hyphenation.pdf encrypted.pdf (password "user").
        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractors.Pdf().ExtractAsync(TestPaths.Fixture("encrypted.pdf"), CancellationToken.None));

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    private static string Golden(string name) => Path.Combine(GoldenPdfTests.Folder, name + ".pdf");

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
