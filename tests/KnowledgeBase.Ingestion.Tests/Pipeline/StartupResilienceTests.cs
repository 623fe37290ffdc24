using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Indexing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// A failure in the worker's start-up index work (intent replay, rebuild, reconciliation) neither stops the host nor
/// leaves the index stuck: one bad document is skipped, reported and left for re-ingestion; a failure of the whole step
/// (the rebuild's commit on a full disk) is retried with a back-off while searches answer from the last complete commit.
/// </summary>
public sealed class StartupResilienceTests : IDisposable
{
    private const string Plan = "Kế hoạch cải cách hành chính năm 2016 của tỉnh, giao Sở Nội vụ theo dõi việc thực hiện các nhiệm vụ đã đề ra.";
    private const string Land = "Báo cáo về quản lý đất đai và môi trường của huyện trong năm, kèm danh mục thửa đất và bản đồ quy hoạch.";
    private const string Health = "Thông báo của Sở Y tế về tiêm chủng mở rộng cho trẻ em tại các trạm y tế xã, phường trong tháng.";
    private const string Roads = "Tờ trình về đầu tư xây dựng đường giao thông nông thôn, kiên cố hoá kênh mương nội đồng.";
    private const string School = "Quyết định công nhận trường tiểu học đạt chuẩn quốc gia, cơ sở vật chất và đội ngũ giáo viên.";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-startup-" + Guid.NewGuid().ToString("N"));

    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Ingestion:StartupRetryDelay"] = "00:00:00.010",
        ["Ingestion:StartupRetryMaxDelay"] = "00:00:00.050",
    };

    [Fact]
    public async Task ReindexAll_OneDocumentsPagesAndAnotherRowUnreadable_CommitsTheOthers_ReportsBoth_MarksTheOneForRetry()
    {
        await using var harness = new IngestionHarness();
        var plan = await AddAsync(harness, "ke-hoach.txt", Plan);
        var land = await AddAsync(harness, "dat-dai.txt", Land);
        await AddAsync(harness, "y-te.txt", Health);
        await AddAsync(harness, "giao-thong.txt", Roads);
        var school = await AddAsync(harness, "truong-hoc.txt", School);
        Corrupt(harness, "UPDATE pages SET blocks = '{not json' WHERE document_id = $id", land);
        Corrupt(harness, "UPDATE documents SET kind = 'NoSuchKind' WHERE id = $id", school);

        var rebuilt = await harness.Services.GetRequiredService<DocumentService>().ReindexAllAsync();

        // The rebuild completed and committed everything else.
        var index = harness.Services.GetRequiredService<IPassageIndex>();
        Assert.False(index.IsRebuilding);
        Assert.Equal(3, rebuilt.Documents);
        Assert.Equal(new[] { land, school }.Order(StringComparer.Ordinal), rebuilt.Skipped.Select(s => s.DocumentId).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Null(rebuilt.Skipped.Single(s => s.DocumentId == school).Title);
        Assert.Equal(plan, Assert.Single(Find(harness, "\"so noi vu\"")));
        Assert.Single(Find(harness, "\"tiem chung\""));
        Assert.Single(Find(harness, "\"giao thong nong thon\""));
        Assert.Empty(Find(harness, "\"thua dat\""));

        // The document whose pages could not be read is on the jobs page as failed, with the reason the UI translates.
        var failed = Assert.Single(harness.Jobs.List(JobState.Failed));
        Assert.Equal(land, failed.DocumentId);
        Assert.Equal(FailureReasons.Unindexable, FailureReasons.Code(failed.Reason));
        Assert.Contains("JsonException", failed.Reason, StringComparison.Ordinal);

        // Its "retry" extracts the original again: searchable once more.
        Assert.True(harness.Jobs.Retry(failed.Id));
        await harness.DrainAsync();
        Assert.Equal(land, Assert.Single(Find(harness, "\"thua dat\"")));
    }

    [Fact]
    public async Task ReindexAll_ADocumentTheIndexRefusesPartWay_IsLeftOutWholly_ReportedAndMarkedForRetry_TheOthersCommitted()
    {
        await using var harness = new IngestionHarness(configure: services =>
            services.AddSingleton<IPassageIndex>(sp => new RefusingIndex(sp.GetRequiredService<LuceneIndex>())));
        var plan = await AddAsync(harness, "ke-hoach.txt", Plan);
        var land = await AddAsync(harness, "dat-dai.txt", Land);
        await AddAsync(harness, "y-te.txt", Health);
        ((RefusingIndex)harness.Services.GetRequiredService<IPassageIndex>()).Refuse = land;

        var rebuilt = await harness.Services.GetRequiredService<DocumentService>().ReindexAllAsync();

        // Reported by the load after its first passage was added: deleted again, none of its passages searchable.
        Assert.Equal(2, rebuilt.Documents);
        Assert.Equal(land, Assert.Single(rebuilt.Skipped).DocumentId);
        Assert.Empty(Find(harness, "\"thua dat\""));
        Assert.Empty(Find(harness, "\"quan ly dat dai\""));
        Assert.Equal(plan, Assert.Single(Find(harness, "\"so noi vu\"")));
        Assert.Single(Find(harness, "\"tiem chung\""));
        var failed = Assert.Single(harness.Jobs.List(JobState.Failed));
        Assert.Equal(land, failed.DocumentId);
        Assert.Equal(FailureReasons.Unindexable, FailureReasons.Code(failed.Reason));
        Assert.Contains("InvalidOperationException", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReindexAll_MostDocumentsUnreadable_CommitsNothing_SearchesKeepThePreviousIndex()
    {
        await using var harness = new IngestionHarness();
        await AddAsync(harness, "ke-hoach.txt", Plan);
        var land = await AddAsync(harness, "dat-dai.txt", Land);
        var roads = await AddAsync(harness, "giao-thong.txt", Roads);
        Corrupt(harness, "UPDATE pages SET blocks = '{not json' WHERE document_id = $id", land);
        Corrupt(harness, "UPDATE pages SET blocks = '{not json' WHERE document_id = $id", roads);

        await Assert.ThrowsAsync<RebuildFailedException>(() => harness.Services.GetRequiredService<DocumentService>().ReindexAllAsync());

        // Not an index of one document: the last complete commit, until a rebuild started again completes.
        var lucene = harness.Services.GetRequiredService<LuceneIndex>();
        Assert.True(lucene.IsRebuilding);
        lucene.Refresh();
        Assert.Single(Find(harness, "\"thua dat\""));
        Assert.Single(Find(harness, "\"giao thong nong thon\""));
    }

    [Fact]
    public async Task Worker_RebuildCommitFailsOnce_KeepsRunning_ReportsIt_RetryCompletes_AndAnUploadMeanwhileBecomesSearchable()
    {
        string plan;
        await using (var first = new IngestionHarness(dataPath: _data))
        {
            plan = await AddAsync(first, "ke-hoach.txt", Plan);
            await AddAsync(first, "dat-dai.txt", Land);
            await AddAsync(first, "y-te.txt", Health);
        }

        IndexUpgradeTests.MarkAsWrittenBySchema(Path.Combine(_data, "lucene"), "1");
        await using var second = new IngestionHarness(FastRetries, _data, services =>
            services.AddSingleton<IPassageIndex>(sp => new FlakyRebuildIndex(sp.GetRequiredService<LuceneIndex>()) { Failures = 1, Hold = new TaskCompletionSource() }));
        var flaky = (FlakyRebuildIndex)second.Services.GetRequiredService<IPassageIndex>();
        var lucene = second.Services.GetRequiredService<LuceneIndex>();
        var heartbeat = second.Services.GetRequiredService<WorkerHeartbeat>();
        var passages = lucene.PassageCount;
        Assert.True(flaky.IsOutdated);

        using var worker = ActivatorUtilities.CreateInstance<IngestionBackgroundService>(second.Services);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitForAsync(() => heartbeat.StartupFailure is not null);

            // The commit failed: the worker runs on (a host with StopHost would have stopped here), says why, and the
            // index is still in rebuild mode — searches on the last complete commit, nothing half-rebuilt shown.
            var failure = heartbeat.StartupFailure!;
            Assert.Equal("rebuild", failure.Step);
            Assert.Equal(FlakyRebuildIndex.Message, failure.Error);
            Assert.False(worker.ExecuteTask!.IsCompleted);
            Assert.True(heartbeat.IsRunning);
            Assert.False(heartbeat.IsReady);
            Assert.True(lucene.IsRebuilding);
            lucene.Refresh();
            Assert.Equal(passages, lucene.PassageCount);
            Assert.Equal(plan, Assert.Single(Find(second, "\"so noi vu\"")));

            // An upload meanwhile is accepted and waits in the queue.
            var roads = await second.AddTextAsync("giao-thong.txt", Roads);
            Assert.Equal(JobState.Queued, second.Jobs.Get(roads.Job.Id)!.State);

            // The retry (already under way, held here) completes the rebuild; then the queue runs.
            flaky.Hold!.SetResult();
            await WaitForAsync(() => second.Jobs.Get(roads.Job.Id)!.State == JobState.Done && Find(second, "\"giao thong nong thon\"").Count == 1);
            Assert.True(heartbeat.IsReady);
            Assert.Null(heartbeat.StartupFailure);
            Assert.False(lucene.IsRebuilding);
            Assert.False(lucene.IsOutdated);
            Assert.Equal(plan, Assert.Single(Find(second, "\"so noi vu\"")));
            Assert.Single(Find(second, "\"thua dat\""));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.False(worker.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task Worker_ReplayAndReconcileMeetUnreadableDocuments_SkipsThem_AndTheQueueRuns()
    {
        await using var harness = new IngestionHarness(FastRetries);
        var plan = await AddAsync(harness, "ke-hoach.txt", Plan);
        var land = await AddAsync(harness, "dat-dai.txt", Land);
        var health = await AddAsync(harness, "y-te.txt", Health);

        // An edit that never reached the index (its intent left), and a document the index lost: both unreadable now.
        harness.Services.GetRequiredService<IndexIntentStore>().Record(plan);
        Corrupt(harness, "UPDATE pages SET blocks = '{not json' WHERE document_id = $id", plan);
        var lucene = harness.Services.GetRequiredService<LuceneIndex>();
        lucene.Delete(land);
        await lucene.CommitAsync();
        Corrupt(harness, "UPDATE pages SET blocks = '{not json' WHERE document_id = $id", land);

        var heartbeat = harness.Services.GetRequiredService<WorkerHeartbeat>();
        using var worker = ActivatorUtilities.CreateInstance<IngestionBackgroundService>(harness.Services);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitForAsync(() => heartbeat.IsReady || worker.ExecuteTask!.IsCompleted);
            Assert.False(worker.ExecuteTask!.IsCompleted);
            Assert.Null(heartbeat.StartupFailure);
            Assert.Empty(harness.Services.GetRequiredService<IndexIntentStore>().Pending());

            // The edited document's passages are gone rather than stale; both are on the jobs page, once each.
            Assert.Empty(Find(harness, "\"so noi vu\""));
            Assert.Equal(health, Assert.Single(Find(harness, "\"tiem chung\"")));
            var failed = harness.Jobs.List(JobState.Failed);
            Assert.Equal(new[] { land, plan }.Order(StringComparer.Ordinal), failed.Select(j => j.DocumentId!).Order(StringComparer.Ordinal), StringComparer.Ordinal);
            Assert.All(failed, j => Assert.Equal(FailureReasons.Unindexable, FailureReasons.Code(j.Reason)));

            // The queue runs: a new upload becomes searchable.
            var roads = await harness.AddTextAsync("giao-thong.txt", Roads);
            await WaitForAsync(() => harness.Jobs.Get(roads.Job.Id)!.State == JobState.Done && Find(harness, "\"giao thong nong thon\"").Count == 1);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]
    [InlineData(60, 100)]
    public void RetryDelay_DoublesUpToTheMaximum(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), IngestionBackgroundService.RetryDelay(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), attempt));

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_data))
            {
                Directory.Delete(_data, recursive: true);
            }
        }
        catch (IOException)
        {
            // Cleaned with the temp folder eventually.
        }
    }

    /// <summary>Ingests one text file to the end and returns its document's id.</summary>
    private static async Task<string> AddAsync(IngestionHarness harness, string name, string text)
    {
        var job = (await harness.AddTextAsync(name, text)).Job;
        await harness.DrainAsync();
        return harness.Jobs.Get(job.Id)!.DocumentId!;
    }

    /// <summary>The ids of the documents a search finds (committed passages).</summary>
    private static List<string> Find(IngestionHarness harness, string query) =>
        [.. harness.Search.Search(new SearchRequest { Query = query, GroupByDocument = true, PageSize = 50 }).Hits.Select(h => h.DocumentId).Distinct()];

    /// <summary>Damages one document's row in the catalog behind the stores' back, as a bad disk or a bad tool would.</summary>
    private static void Corrupt(IngestionHarness harness, string sql, string documentId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(harness.DataPath, "catalog.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", documentId);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
