using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Ingestion.Tests.Catalog;

public sealed class CatalogStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kb-catalog-{Guid.NewGuid():N}.db");
    private readonly CatalogStore _catalog;

    public CatalogStoreTests()
    {
        _catalog = new CatalogStore(_path);
    }

    [Fact]
    public void SaveDocument_ThenGet_RoundTripsMetadataPagesAndWarnings()
    {
        var document = Document("aaaaaaaaaaaaaaaa") with { Tags = ["án lệ", "đất đai"], Date = new DateOnly(2021, 3, 12), Author = "TANDTC" };
        var pages = new[]
        {
            new ExtractedPage { Number = 1, Blocks = [new TextBlock("Án lệ số 43", TextBlockKind.Heading, 1), new TextBlock("Nội dung")], Quality = 0.99, Verdict = PageVerdict.Ok },
            new ExtractedPage { Number = 2, Method = ExtractionMethod.LegacyTcvn3, Verdict = PageVerdict.Repaired, Blocks = [new TextBlock("Giới thiệu")] },
        };
        _catalog.SaveDocument(document, pages, ["one warning"]);

        var read = _catalog.GetDocument(document.Id)!;
        Assert.Equal(document.Tags, read.Tags);
        Assert.Equal(document with { Tags = [] }, read with { Tags = [] });
        var stored = _catalog.GetPages(document.Id);
        Assert.Equal(2, stored.Count);
        Assert.Equal(pages[0].Text, stored[0].Text);
        Assert.Equal(TextBlockKind.Heading, stored[0].Blocks[0].Kind);
        Assert.Equal(ExtractionMethod.LegacyTcvn3, stored[1].Method);
        Assert.Equal(["one warning"], _catalog.GetWarnings(document.Id));
        Assert.Equal(document.Id, _catalog.FindDocumentByHash(document.ContentHash)?.Id);
    }

    [Fact]
    public void SaveDocument_NewVersion_KeepsOldHashFindableAndReplacesPages()
    {
        var v1 = Document("bbbbbbbbbbbbbbbb");
        _catalog.SaveDocument(v1, [Page(1, "cũ"), Page(2, "cũ")], []);
        var v2 = v1 with { ContentHash = new string('c', 64), Version = 2 };
        _catalog.SaveDocument(v2, [Page(1, "mới")], []);

        Assert.Equal(2, _catalog.GetDocument(v1.Id)!.Version);
        Assert.Single(_catalog.GetPages(v1.Id));
        Assert.Equal(v1.Id, _catalog.FindDocumentByHash(v1.ContentHash)?.Id);
        Assert.Equal([v1.ContentHash, v2.ContentHash], _catalog.GetVersionHashes(v1.Id));
    }

    [Fact]
    public void GetDocuments_ExistingOnesById_MissingAndRepeatedIgnored()
    {
        _catalog.SaveDocument(Document("aaaaaaaaaaaaaaaa"), [Page(1, "một")], []);
        _catalog.SaveDocument(Document("bbbbbbbbbbbbbbbb"), [Page(1, "hai")], []);

        var found = _catalog.GetDocuments(["bbbbbbbbbbbbbbbb", "cccccccccccccccc", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);

        Assert.Equal(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"], found.Keys.Order());
        Assert.Equal("bbbbbbbbbbbbbbbb", found["bbbbbbbbbbbbbbbb"].Id);
        Assert.Empty(_catalog.GetDocuments([]));
    }

    [Fact]
    public void DeleteDocument_RemovesDocumentPagesAndVersions()
    {
        var document = Document("dddddddddddddddd");
        _catalog.SaveDocument(document, [Page(1, "x")], []);

        Assert.True(_catalog.DeleteDocument(document.Id));
        Assert.Null(_catalog.GetDocument(document.Id));
        Assert.Empty(_catalog.GetPages(document.Id));
        Assert.False(_catalog.IsHashReferenced(document.ContentHash));
        Assert.False(_catalog.DeleteDocument(document.Id));
    }

    [Fact]
    public void ClaimNextJob_TakesOldestQueuedOnceAndCountsTheAttempt()
    {
        var first = NewJob("1");
        var second = NewJob("2");

        var claimed = _catalog.ClaimNextJob(DateTimeOffset.UtcNow);
        Assert.Equal(first.Id, claimed!.Id);
        Assert.Equal(JobState.Extracting, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(second.Id, _catalog.ClaimNextJob(DateTimeOffset.UtcNow)!.Id);
        Assert.Null(_catalog.ClaimNextJob(DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ClaimNextJob_ConcurrentClaims_NeverHandOutAJobTwice()
    {
        var ids = Enumerable.Range(0, 40).Select(i => NewJob(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Id).ToHashSet();
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 4, _ =>
        {
            while (_catalog.ClaimNextJob(DateTimeOffset.UtcNow) is { } job)
            {
                claimed.Add(job.Id);
            }
        });

        Assert.Equal(ids.Count, claimed.Count);
        Assert.Equal(ids, claimed.ToHashSet());
    }

    [Fact]
    public void ClaimNextJob_RespectsRetryDelay()
    {
        var job = NewJob("1");
        _catalog.SetJobState(job.Id, JobState.Queued, "retry", notBefore: DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.Null(_catalog.ClaimNextJob(DateTimeOffset.UtcNow));
        Assert.Equal(job.Id, _catalog.ClaimNextJob(DateTimeOffset.UtcNow.AddMinutes(6))?.Id);
    }

    [Fact]
    public void RequeueInterruptedJobs_PutsRunningJobsBackInTheQueue()
    {
        var extracting = NewJob("1");
        var indexing = NewJob("2");
        var done = NewJob("3");
        _catalog.SetJobState(extracting.Id, JobState.Extracting);
        _catalog.SetJobState(indexing.Id, JobState.Indexing);
        _catalog.SetJobState(done.Id, JobState.Done);

        Assert.Equal(2, _catalog.RequeueInterruptedJobs());
        Assert.Equal(JobState.Queued, _catalog.GetJob(extracting.Id)!.State);
        Assert.Equal(JobState.Queued, _catalog.GetJob(indexing.Id)!.State);
        Assert.Equal(JobState.Done, _catalog.GetJob(done.Id)!.State);
    }

    [Fact]
    public void RetryJob_OnlyFailedJobsGoBackToTheQueue()
    {
        var failed = NewJob("1");
        _catalog.SetJobState(failed.Id, JobState.Failed, "bad");
        var done = NewJob("2");
        _catalog.SetJobState(done.Id, JobState.Done);

        Assert.True(_catalog.RetryJob(failed.Id));
        Assert.False(_catalog.RetryJob(done.Id));
        var retried = _catalog.GetJob(failed.Id)!;
        Assert.Equal(JobState.Queued, retried.State);
        Assert.Null(retried.Reason);
        Assert.Equal(0, retried.Attempts);
    }

    [Fact]
    public void CountJobsByState_CountsEveryState()
    {
        NewJob("1");
        var failed = NewJob("2");
        _catalog.SetJobState(failed.Id, JobState.Failed, "x");

        var counts = _catalog.CountJobsByState();
        Assert.Equal(1, counts[JobState.Queued]);
        Assert.Equal(1, counts[JobState.Failed]);
        Assert.Equal(0, counts[JobState.Done]);
    }

    [Fact]
    public void CreateJob_KeepsIntakeMetadata()
    {
        var metadata = new IntakeMetadata { Title = "Tiêu đề", Tags = ["a", "b"], Visibility = DocumentVisibility.Private, SourceUrl = "https://example.org/a" };
        var job = _catalog.CreateJob(new string('e', 64), DocumentKind.Html, "a.html", "url", metadata);
        Assert.Equal(metadata.Title, _catalog.GetJob(job.Id)!.Metadata.Title);
        Assert.Equal(metadata.Tags, _catalog.GetJob(job.Id)!.Metadata.Tags);
        Assert.Equal(DocumentVisibility.Private, _catalog.GetJob(job.Id)!.Metadata.Visibility);
    }

    [Fact]
    public void Settings_RoundTrip()
    {
        Assert.Null(_catalog.GetSetting("k"));
        _catalog.SetSetting("k", "v1");
        _catalog.SetSetting("k", "v2");
        Assert.Equal("v2", _catalog.GetSetting("k"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private JobInfo NewJob(string seed) =>
        _catalog.CreateJob(seed.PadLeft(64, 'f'), DocumentKind.Text, seed + ".txt", "test", new IntakeMetadata());

    private static ExtractedPage Page(int number, string text) => new() { Number = number, Blocks = [new TextBlock(text)] };

    private static DocumentInfo Document(string id) => new()
    {
        Id = id,
        Title = "Tài liệu " + id,
        Kind = DocumentKind.Pdf,
        ContentHash = id + new string('0', 48),
        ContentType = "application/pdf",
        FileName = "a.pdf",
        Source = "upload",
        PageCount = 2,
        SizeBytes = 1234,
        AddedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
    };
}
