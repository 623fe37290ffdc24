using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// A delete or an edit on a full disk, then a restart: the catalog and the index end up agreeing — the deleted
/// document's passages do not come back with dead links, the edit reaches the index.
/// </summary>
public sealed class FullDiskDeleteTests
{
    private const string Text = "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính, rà soát thủ tục và tiếp nhận hồ sơ trực tuyến cho người dân.";

    [Fact]
    public async Task DeleteOnAFullDisk_ThenRestart_LeavesNoPassagesBehind()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kb-full-" + Guid.NewGuid().ToString("N"));
        string documentId;
        await using (var first = new IngestionHarness(dataPath: dataPath, configure: WithFullDisk))
        {
            var job = (await first.AddTextAsync("ke-hoach.txt", Text)).Job;
            await first.DrainAsync();
            documentId = first.Jobs.Get(job.Id)!.DocumentId!;
            var disk = (FullDiskIndex)first.Services.GetRequiredService<IPassageIndex>();

            disk.Full = true;
            var error = await Assert.ThrowsAsync<IOException>(() => first.Services.GetRequiredService<DocumentService>().DeleteAsync(documentId));

            Assert.Equal(FullDiskIndex.Message, error.Message);
            Assert.Null(first.Documents.Get(documentId));
            Assert.Equal([documentId], first.Services.GetRequiredService<IndexIntentStore>().Pending());
        }

        try
        {
            await using var second = new IngestionHarness(dataPath: dataPath);
            // Without the replay, the passages of the deleted document would come back here with dead links.
            Assert.True(second.Services.GetRequiredService<LuceneIndex>().PassageCount > 0);

            Assert.Equal(1, await second.Services.GetRequiredService<DocumentService>().ReplayIndexIntentsAsync());

            await WaitForAsync(() => Count(second, "ho so truc tuyen") == 0);
            Assert.Empty(second.Services.GetRequiredService<IndexIntentStore>().Pending());
            Assert.Equal(0, second.Services.GetRequiredService<LuceneIndex>().PassageCount);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task EditOnAFullDisk_ThenRestart_ReachesTheIndex()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kb-full-" + Guid.NewGuid().ToString("N"));
        string documentId;
        await using (var first = new IngestionHarness(dataPath: dataPath, configure: WithFullDisk))
        {
            var job = (await first.AddTextAsync("ke-hoach.txt", Text)).Job;
            await first.DrainAsync();
            documentId = first.Jobs.Get(job.Id)!.DocumentId!;
            ((FullDiskIndex)first.Services.GetRequiredService<IPassageIndex>()).Full = true;

            await Assert.ThrowsAsync<IOException>(() => first.Services.GetRequiredService<DocumentService>().UpdateMetadataAsync(documentId, d => d with { Title = "Kế hoạch mới" }));
        }

        try
        {
            await using var second = new IngestionHarness(dataPath: dataPath);
            await second.Services.GetRequiredService<DocumentService>().ReplayIndexIntentsAsync();

            await WaitForAsync(() => second.Search.Search(new SearchRequest { Query = "ho so truc tuyen" }).Hits is [{ Title: "Kế hoạch mới" }]);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static void WithFullDisk(IServiceCollection services) =>
        services.AddSingleton<IPassageIndex>(sp => new FullDiskIndex(sp.GetRequiredService<LuceneIndex>()));

    private static long Count(IngestionHarness harness, string query) => harness.Search.Search(new SearchRequest { Query = query }).TotalHits;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
