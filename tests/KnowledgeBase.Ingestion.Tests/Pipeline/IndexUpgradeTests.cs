using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>An index written by an older analysis is rebuilt from the catalog when the worker starts.</summary>
public sealed class IndexUpgradeTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WorkerStart_IndexOfAnOlderSchema_RebuiltAndSearchable()
    {
        await using (var first = new IngestionHarness(dataPath: _data))
        {
            await first.AddTextAsync("ke-hoach.txt", "Kế hoạch cải cách hành chính năm 2016 của tỉnh, giao Sở Nội vụ theo dõi việc thực hiện các nhiệm vụ đã đề ra.");
            for (var i = 0; i < 20; i++)
            {
                // More documents, so that the rebuild takes long enough to be watched.
                await first.AddTextAsync($"dat-dai-{i}.txt", $"Báo cáo {i} về quản lý đất đai và môi trường của huyện trong năm, kèm danh mục thửa đất.");
            }

            await first.DrainAsync();
        }

        MarkAsWrittenBySchema(Path.Combine(_data, "lucene"), "1");

        await using var second = new IngestionHarness(dataPath: _data);
        var index = second.Services.GetRequiredService<IPassageIndex>();
        Assert.True(index.IsOutdated);

        var lucene = second.Services.GetRequiredService<LuceneIndex>();
        var passages = lucene.PassageCount;
        using var worker = ActivatorUtilities.CreateInstance<IngestionBackgroundService>(second.Services);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Until the rebuild commits, searches answer from the old, complete index: refreshed without a pause here
            // (what the refresh timer does now and then), it never shows the index emptied by the rebuild.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (index.IsOutdated && DateTime.UtcNow < deadline)
            {
                lucene.Refresh();
                Assert.Equal(passages, lucene.PassageCount);
                Assert.NotEmpty(second.Search.Search(new SearchRequest { Query = "cai cach hanh chinh" }).Hits);
            }

            Assert.False(index.IsOutdated);
            Assert.False(index.IsRebuilding);
            Assert.NotEmpty(second.Search.Search(new SearchRequest { Query = "cai cach hanh chinh" }).Hits);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(1, second.Search.Search(new SearchRequest { Query = "so noi vu", GroupByDocument = true }).TotalDocuments);
        Assert.Equal(passages, lucene.PassageCount);
    }

    /// <summary>Rewrites the last commit's user data as an older version would have left it.</summary>
    internal static void MarkAsWrittenBySchema(string folder, string version)
    {
        using var directory = FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string> { [IndexSchema.CommitDataKey] = version });
        writer.Commit();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder eventually.
        }
    }
}
