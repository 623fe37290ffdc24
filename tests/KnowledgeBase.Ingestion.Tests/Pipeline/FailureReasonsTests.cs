using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Tests.Extraction;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>Issue 12: the messages extraction and the job processor really produce get their stable codes.</summary>
public sealed class FailureReasonsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-reasons-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Code_EncryptedPdf_IsEncrypted()
    {
        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractors.Pdf().ExtractAsync(Path.Combine(TestPaths.GoldenPdfs, "encrypted.pdf"), CancellationToken.None));

        Assert.Equal(FailureReasons.Encrypted, FailureReasons.Code(error.Message));
    }

    [Theory]
    [InlineData("empty.pdf", "", FailureReasons.Empty)]
    [InlineData("damaged.pdf", "%PDF-1.7\nthis is not a PDF body at all\n", FailureReasons.Corrupt)]
    public async Task Code_UnreadablePdf_HasItsCode(string name, string content, string expected)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => Extractors.Pdf().ExtractAsync(path, CancellationToken.None));

        Assert.Equal(expected, FailureReasons.Code(error.Message));
    }

    [Fact]
    public async Task Code_ScanWithOcrOff_IsOcrUnavailableAndGarbledPagesAreGarbled()
    {
        var path = Path.Combine(_folder, "scan.pdf");
        await File.WriteAllBytesAsync(path, new TestPdf().AddImagePage().Build());

        var scan = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(FailureReasons.OcrUnavailable, FailureReasons.Code(DocumentBuilder.NothingSearchable(scan)));
        Assert.Equal(FailureReasons.OcrUnavailable, FailureReasons.Code(Assert.Single(scan.Warnings)));
    }

    [Fact]
    public async Task Code_OcrProgramMissing_IsToolMissing()
    {
        var path = Path.Combine(_folder, "scan.pdf");
        await File.WriteAllBytesAsync(path, new TestPdf().AddImagePage().Build());
        var options = new ExtractionOptions { EnableOcr = true, TesseractPath = "/nonexistent/tesseract-kb-test" };

        var scan = await Extractors.Pdf(options).ExtractAsync(path, CancellationToken.None);

        Assert.Equal(FailureReasons.ToolMissing, FailureReasons.Code(Assert.Single(scan.Warnings)));
    }

    [Theory]
    [InlineData("Extraction took longer than the limit of 120 s and was stopped.", FailureReasons.Timeout)]
    [InlineData("Extraction needed more than the memory limit of 512 MB and was stopped.", FailureReasons.TooLarge)]
    [InlineData("The extraction process stopped unexpectedly (exit code 139). (gave up after 3 attempts)", FailureReasons.Crashed)]
    [InlineData("The file could not be read: disk I/O error — will retry.", FailureReasons.ReadError)]
    [InlineData("The stored original is missing from the data folder.", FailureReasons.MissingOriginal)]
    [InlineData("The Word file is password-protected or in the old binary .doc format; save it as an unprotected .docx.", FailureReasons.Unsupported)]
    [InlineData("The Word file is in an old binary format (not a .docx); save it as a .docx.", FailureReasons.Unsupported)]
    [InlineData("Same content as \"Báo cáo\" (abc123).", FailureReasons.Duplicate)]
    [InlineData("Something nobody wrote yet.", FailureReasons.Other)]
    [InlineData(null, null)]
    public void Code_StoredMessages_MapToStableCodes(string? message, string? expected) =>
        Assert.Equal(expected, FailureReasons.Code(message));
}
