using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Tests.Extraction.Formats;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>Issue 12: the new formats through intake and the worker; a broken one fails with its reason and the rest go on.</summary>
public sealed class NewFormatsPipelineTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-formats-pipeline-").FullName;
    private IngestionHarness _harness = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Drain_OdtAndPptxIndexed_BrokenOnesFailWithReasons_NothingLost()
    {
        var odt = Path.Combine(_folder, "quy-che.odt");
        TestOdt.Write(odt, "<text:h text:outline-level=\"1\">Quy chế lưu trữ</text:h><text:p>Hồ sơ được số hoá và bảo quản tại kho lưu trữ cơ quan.</text:p>");
        var pptx = Path.Combine(_folder, "tap-huan.pptx");
        new TestPptx().Slide("Tập huấn số hoá", null, (0, 1_000_000, ["Quét tài liệu giấy thành tệp ảnh."])).Write(pptx);
        var pptxBytes = await File.ReadAllBytesAsync(pptx);

        var goodOdt = await AddAsync("quy-che.odt", await File.ReadAllBytesAsync(odt));
        var broken = await AddAsync("hong.pptx", pptxBytes[..300]);
        var goodPptx = await AddAsync("tap-huan.pptx", pptxBytes);
        var brokenDoc = await AddAsync("hong.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"u8]);
        await _harness.DrainAsync();

        Assert.Equal((DocumentKind.OpenDocument, JobState.Done), (goodOdt.Kind, _harness.Jobs.Get(goodOdt.Id)!.State));
        Assert.Equal((DocumentKind.PowerPoint, JobState.Done), (goodPptx.Kind, _harness.Jobs.Get(goodPptx.Id)!.State));
        var failedPptx = _harness.Jobs.Get(broken.Id)!;
        Assert.Equal(JobState.Failed, failedPptx.State);
        Assert.Contains("not a readable PowerPoint", failedPptx.Reason, StringComparison.Ordinal);
        var failedDoc = _harness.Jobs.Get(brokenDoc.Id)!;
        Assert.Equal((DocumentKind.LegacyWord, JobState.Failed), (brokenDoc.Kind, failedDoc.State));
        Assert.Contains("Word 97–2003", failedDoc.Reason, StringComparison.Ordinal);

        var document = _harness.Documents.Get(_harness.Jobs.Get(goodPptx.Id)!.DocumentId!)!;
        Assert.Equal(("Tập huấn số hoá", "application/vnd.openxmlformats-officedocument.presentationml.presentation"), (document.Title, document.ContentType));
        Assert.NotEmpty(_harness.Search.Search(new SearchRequest { Query = "kho luu tru" }).Hits);
        Assert.NotEmpty(_harness.Search.Search(new SearchRequest { Query = "quet tai lieu giay" }).Hits);
    }

    [Fact]
    public async Task Drain_PasswordProtectedPptxAndDocx_FailNamingTheirKind()
    {
        var encrypted = Path.Combine(_folder, "secret.bin");
        TestCompoundFile.WriteEncryptedOfficeFile(encrypted);
        var bytes = await File.ReadAllBytesAsync(encrypted);

        var pptx = await AddAsync("bai-giang-mat.pptx", bytes);
        bytes[^1] ^= 0xFF; // other bytes, so not a duplicate
        var docx = await AddAsync("to-trinh-mat.docx", bytes);
        await _harness.DrainAsync();

        var failedPptx = _harness.Jobs.Get(pptx.Id)!;
        var failedDocx = _harness.Jobs.Get(docx.Id)!;
        Assert.Equal((DocumentKind.PowerPoint, JobState.Failed), (pptx.Kind, failedPptx.State));
        Assert.Equal((DocumentKind.Word, JobState.Failed), (docx.Kind, failedDocx.State));
        Assert.StartsWith("The PowerPoint presentation is password-protected", failedPptx.Reason, StringComparison.Ordinal);
        Assert.StartsWith("The Word file is password-protected", failedDocx.Reason, StringComparison.Ordinal);
        Assert.All([failedPptx, failedDocx], j => Assert.Equal(KnowledgeBase.Ingestion.Pipeline.FailureReasons.Encrypted, KnowledgeBase.Ingestion.Pipeline.FailureReasons.Code(j.Reason)));
    }

    private async Task<JobInfo> AddAsync(string name, byte[] bytes) =>
        (await _harness.Intake.AddAsync(new MemoryStream(bytes), name, "test")).Job;
}
