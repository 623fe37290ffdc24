using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Slides;
using KnowledgeBase.Ingestion.Extraction.Word;
using KnowledgeBase.Ingestion.Pipeline;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>
/// Issue 12: a password-protected .pptx or .docx (an OLE compound file with EncryptionInfo and EncryptedPackage
/// streams, written by <see cref="TestCompoundFile"/>) fails naming the right kind of file, reason <c>encrypted</c>.
/// </summary>
public sealed class EncryptedOfficeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-encrypted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("bai-giang.pptx", DocumentKind.PowerPoint, "PowerPoint presentation", "Word")]
    [InlineData("BAO-CAO.PPSX", DocumentKind.PowerPoint, "PowerPoint presentation", "Word")]
    [InlineData("to-trinh.docx", DocumentKind.Word, "Word file", "PowerPoint")]
    [InlineData("TO-TRINH.DOCM", DocumentKind.Word, "Word file", "PowerPoint")]
    [InlineData("tai-lieu", DocumentKind.Office, "Office file", "Word file")] // no extension: the kind cannot be known
    [InlineData("tai-lieu.tmp", DocumentKind.Office, "Office file", "Word file")]
    [InlineData("tai-lieu.doc", DocumentKind.Office, "Office file", "Word file")] // an encrypted package is no .doc
    public async Task EncryptedOoxml_FailsNamingItsKind_ReasonEncrypted(string name, DocumentKind kind, string named, string notNamed)
    {
        var path = Path.Combine(_folder, name);
        TestCompoundFile.WriteEncryptedOfficeFile(path);

        var detected = await FormatDetector.DetectAsync(path, name);
        var extractor = new ExtractorSelector([new WordExtractor(), new PowerPointExtractor(), new EncryptedOfficeExtractor()]);
        var error = await Assert.ThrowsAsync<ExtractionException>(() => extractor.ExtractAsync(path, detected!.Value, CancellationToken.None));

        Assert.Equal(kind, detected);
        Assert.Contains(named + " is password-protected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notNamed, error.Message, StringComparison.Ordinal);
        Assert.Equal(FailureReasons.Encrypted, FailureReasons.Code(error.Message));
    }

    [Fact]
    public void CompoundFile_ListsTheStreams_AndReadsMiniAndLargeOnes()
    {
        var path = Path.Combine(_folder, "streams.bin");
        byte[] small = [.. Enumerable.Range(0, 300).Select(i => (byte)i)];
        byte[] large = [.. Enumerable.Range(0, 9000).Select(i => (byte)(i * 7))];
        TestCompoundFile.Write(path, ("\u0005SummaryInformation", small), ("WordDocument", large), ("1Table", [1, 2, 3]));

        var file = CompoundFile.TryOpen(path)!;

        Assert.Equal(["\u0005SummaryInformation", "1Table", "WordDocument"], file.StreamNames.Order(StringComparer.Ordinal));
        Assert.Equal(small, file.ReadStream("\u0005SummaryInformation"));
        Assert.Equal(large, file.ReadStream("WordDocument"));
        Assert.Null(file.ReadStream("Missing"));
        Assert.Null(CompoundFile.TryOpen(Write("zip.bin", [0x50, 0x4B, 3, 4, 0, 0])));
        Assert.Null(CompoundFile.TryOpen(Write("cut.bin", File.ReadAllBytes(path)[..600])));
    }

    [Fact]
    public async Task DamagedPptx_IsNotCalledPasswordProtected()
    {
        var pptx = Path.Combine(_folder, "slides.pptx");
        new TestPptx().Slide("Nội dung").Write(pptx);
        var truncated = Write("truncated.pptx", File.ReadAllBytes(pptx)[..300]);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => new PowerPointExtractor().ExtractAsync(truncated, CancellationToken.None));

        Assert.DoesNotContain("password", error.Message, StringComparison.Ordinal);
        Assert.Equal(FailureReasons.Corrupt, FailureReasons.Code(error.Message));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
