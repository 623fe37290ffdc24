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
public sealed class FullDiskDeleteTests : IDisposable
{
    private const string Text = "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính, rà soát thủ tục và tiếp nhận hồ sơ trực tuyến cho người dân.";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-full-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task DeleteOnAFullDisk_ThenRestart_LeavesNoPassagesBehind()
    {
        await ChangeOnAFullDiskAsync(async (harness, documents, id) =>
        {
            var error = await Assert.ThrowsAsync<IOException>(() => documents.DeleteAsync(id));
            Assert.Equal(FullDiskIndex.Message, error.Message);
            Assert.Null(harness.Documents.Get(id));
            Assert.Equal([id], harness.Services.GetRequiredService<IndexIntentStore>().Pending());
        });

        await using var second = new IngestionHarness(dataPath: _data);

        // Without the replay, the passages of the deleted document would come back here with dead links.
        Assert.True(second.Services.GetRequiredService<LuceneIndex>().PassageCount > 0);
        Assert.Equal(1, await second.Services.GetRequiredService<DocumentService>().ReplayIndexIntentsAsync());

        await WaitForAsync(() => second.Search.Search(new SearchRequest { Query = "ho so truc tuyen" }).TotalHits == 0);
        Assert.Empty(second.Services.GetRequiredService<IndexIntentStore>().Pending());
        Assert.Equal(0, second.Services.GetRequiredService<LuceneIndex>().PassageCount);
    }

    [Fact]
    public async Task EditOnAFullDisk_ThenRestart_ReachesTheIndex()
    {
        await ChangeOnAFullDiskAsync(async (_, documents, id) =>
            await Assert.ThrowsAsync<IOException>(() => documents.UpdateMetadataAsync(id, d => d with { Title = "Kế hoạch mới" })));

        await using var second = new IngestionHarness(dataPath: _data);
        await second.Services.GetRequiredService<DocumentService>().ReplayIndexIntentsAsync();

        await WaitForAsync(() => second.Search.Search(new SearchRequest { Query = "ho so truc tuyen" }).Hits is [{ Title: "Kế hoạch mới" }]);
    }

    /// <summary>Indexes one document, fills the disk, makes the change, and stops (the data folder stays).</summary>
    private async Task ChangeOnAFullDiskAsync(Func<IngestionHarness, DocumentService, string, Task> change)
    {
        await using var first = new IngestionHarness(dataPath: _data, configure: services =>
            services.AddSingleton<IPassageIndex>(sp => new FullDiskIndex(sp.GetRequiredService<LuceneIndex>())));
        var job = (await first.AddTextAsync("ke-hoach.txt", Text)).Job;
        await first.DrainAsync();
        ((FullDiskIndex)first.Services.GetRequiredService<IPassageIndex>()).Full = true;
        await change(first, first.Services.GetRequiredService<DocumentService>(), first.Jobs.Get(job.Id)!.DocumentId!);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
