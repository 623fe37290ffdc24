using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

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
        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractors.Pdf().ExtractAsync(Path.Combine(GoldenPdfTests.Folder, "encrypted.pdf"), CancellationToken.None));

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
