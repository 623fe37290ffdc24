using System.Text;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

public sealed class IngestionPipelineTests : IAsyncLifetime
{
    private const string Article = """
        20/01/2016 14:44:30 PM

        Kinh nghiệm xây dựng kế hoạch cải cách hành chính

        Sau hơn bốn năm thực hiện chương trình, tất cả năm tỉnh đã đạt được những tiến bộ đáng kể trong cải cách hành chính, bám sát chương trình tổng thể của Chính phủ.

        Hợp phần CCHC giai đoạn này tập trung hỗ trợ năm tỉnh thực hiện kế hoạch CCHC hàng năm, bao gồm cả hỗ trợ kỹ thuật về xây dựng và triển khai kế hoạch.
        """;

    private IngestionHarness _harness = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Drain_TextDocument_EndsDoneAndIsSearchableWithoutAccents()
    {
        var job = (await _harness.AddTextAsync("bai-viet.txt", Article)).Job;
        await _harness.DrainAsync();

        var finished = _harness.Jobs.Get(job.Id)!;
        Assert.Equal(JobState.Done, finished.State);
        var document = _harness.Documents.Get(finished.DocumentId!)!;
        Assert.Equal("Kinh nghiệm xây dựng kế hoạch cải cách hành chính", document.Title);
        Assert.Equal(new DateOnly(2016, 1, 20), document.Date);

        var results = _harness.Search.Search(new SearchRequest { Query = "cai cach hanh chinh" });
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.Equal(document.Id, h.DocumentId));
        Assert.Contains("<mark>", results.Hits[0].FragmentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_MetadataGivenAtIntake_WinsOverTheDocument()
    {
        var job = (await _harness.AddTextAsync("x.txt", Article, new IntakeMetadata { Title = "Tiêu đề do người tải lên đặt", Tags = ["gopa"], Collection = "Bài viết" })).Job;
        await _harness.DrainAsync();

        var document = _harness.Documents.Get(_harness.Jobs.Get(job.Id)!.DocumentId!)!;
        Assert.Equal("Tiêu đề do người tải lên đặt", document.Title);
        Assert.Equal(["gopa"], document.Tags);
        Assert.Equal("Bài viết", document.Collection);
    }

    [Fact]
    public async Task Drain_SameContentAfterDone_IsDuplicateAndIndexedOnce()
    {
        await _harness.AddTextAsync("a.txt", Article);
        await _harness.DrainAsync();
        var again = await _harness.AddTextAsync("b.txt", Article);
        await _harness.DrainAsync();

        Assert.True(again.IsDuplicate);
        Assert.Equal(1, _harness.Documents.Count());
        var hits = _harness.Search.Search(new SearchRequest { Query = "GOPA OR CCHC", PageSize = 100 });
        Assert.Equal(hits.Hits.Select(h => h.PassageId).Distinct().Count(), hits.TotalHits);
    }

    [Fact]
    public async Task Drain_CorruptWordFile_FailsWithAReasonAndOthersGoOn()
    {
        var corrupt = Encoding.ASCII.GetBytes("PK\u0003\u0004 word/document.xml this is not really a zip archive at all");
        var bad = (await _harness.Intake.AddAsync(new MemoryStream(corrupt), "hong.docx", "test")).Job;
        var good = (await _harness.AddTextAsync("tot.txt", Article)).Job;
        await _harness.DrainAsync();

        var failed = _harness.Jobs.Get(bad.Id)!;
        Assert.Equal(JobState.Failed, failed.State);
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
        Assert.Equal(JobState.Done, _harness.Jobs.Get(good.Id)!.State);
    }

    [Fact]
    public async Task Drain_JobInterruptedMidway_ResumesAndIndexesOnce()
    {
        var job = (await _harness.AddTextAsync("a.txt", Article)).Job;
        await _harness.DrainAsync();
        var passages = _harness.Search.Search(new SearchRequest { Query = "tỉnh", PageSize = 100 }).TotalHits;

        // As if the process died while indexing: the job is left "indexing" with the document half-saved.
        _harness.Jobs.SetState(job.Id, JobState.Indexing);
        Assert.Equal(1, _harness.Jobs.RequeueInterrupted());
        await _harness.DrainAsync();

        Assert.Equal(JobState.Done, _harness.Jobs.Get(job.Id)!.State);
        Assert.Equal(passages, _harness.Search.Search(new SearchRequest { Query = "tỉnh", PageSize = 100 }).TotalHits);
        Assert.Equal(1, _harness.Documents.Count());
    }

    [Fact]
    public async Task Delete_RemovesPassagesFromSearchAtOnce()
    {
        var job = (await _harness.AddTextAsync("a.txt", Article)).Job;
        await _harness.DrainAsync();
        var documentId = _harness.Jobs.Get(job.Id)!.DocumentId!;
        Assert.NotEqual(0, _harness.Search.Search(new SearchRequest { Query = "CCHC" }).TotalHits);

        Assert.True(await _harness.Services.GetRequiredService<DocumentService>().DeleteAsync(documentId));

        Assert.Equal(0, _harness.Search.Search(new SearchRequest { Query = "CCHC" }).TotalHits);
        Assert.Null(_harness.Documents.Get(documentId));
        Assert.False(File.Exists(Path.Combine(_harness.DataPath, "originals", job.ContentHash[..2], job.ContentHash)));
    }

    [Fact]
    public async Task ReimportOfAUrlWithNewContent_MakesANewVersionThatReplacesThePassages()
    {
        var url = "https://example.gov.vn/bai-viet/1";
        var v1 = (await _harness.AddTextAsync("1.txt", "Phiên bản đầu nói về thủ tục hành chính cũ.", new IntakeMetadata { SourceUrl = url })).Job;
        await _harness.DrainAsync();
        var v2 = (await _harness.AddTextAsync("1.txt", "Phiên bản mới nói về dịch vụ công trực tuyến.", new IntakeMetadata { SourceUrl = url })).Job;
        await _harness.DrainAsync();

        var documentId = _harness.Jobs.Get(v1.Id)!.DocumentId;
        Assert.Equal(documentId, _harness.Jobs.Get(v2.Id)!.DocumentId);
        Assert.Equal(2, _harness.Documents.Get(documentId!)!.Version);
        Assert.Equal(0, _harness.Search.Search(new SearchRequest { Query = "thủ tục" }).TotalHits);
        Assert.Equal(1, _harness.Search.Search(new SearchRequest { Query = "dich vu cong" }).TotalHits);
    }

    [Fact]
    public async Task ReindexAll_RebuildsTheSameSearchResultsFromTheCatalog()
    {
        await _harness.AddTextAsync("a.txt", Article);
        await _harness.DrainAsync();
        var before = _harness.Search.Search(new SearchRequest { Query = "kế hoạch" });

        var (documents, passages, skipped) = await _harness.Services.GetRequiredService<DocumentService>().ReindexAllAsync();

        var after = _harness.Search.Search(new SearchRequest { Query = "kế hoạch" });
        Assert.Equal(1, documents);
        Assert.Empty(skipped);
        Assert.Equal(before.TotalHits, after.TotalHits);
        Assert.Equal(before.Hits.Select(h => h.PassageId), after.Hits.Select(h => h.PassageId));
        Assert.True(passages >= before.TotalHits);
    }
}
