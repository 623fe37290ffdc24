using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Storage;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// The index and the catalog brought apart without a recorded intent (a crash, a restored backup), then a
/// restart: the reconciliation removes the passages the catalog does not know and brings back the documents
/// the index lost, once each.
/// </summary>
public sealed class IndexReconcilerTests : IDisposable
{
    private const string Text = "Sở Tài nguyên và Môi trường hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình.";
    private const string Query = "giay chung nhan quyen su dung dat";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-reconcile-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task PassagesOfADocumentTheCatalogLost_AreRemovedAfterRestart()
    {
        await using (var first = new IngestionHarness(dataPath: _data))
        {
            var id = await IndexOneAsync(first);
            Assert.True(first.Documents.Delete(id));
        }

        await using var second = new IngestionHarness(dataPath: _data);
        Assert.True(Index(second).PassageCount > 0);

        var result = await Reconcile(second);

        Assert.Equal(new IndexReconciliation(Removed: 1, Requeued: 0, Rewritten: 0, Empty: 0), result);
        Assert.Equal(0, Index(second).PassageCount);
        Assert.Equal(0, second.Search.Search(new SearchRequest { Query = Query }).TotalHits);
    }

    [Fact]
    public async Task ADocumentTheIndexLost_IsRequeuedAndSearchableAgain_NotDoubled()
    {
        int passages;
        string id;
        await using (var first = new IngestionHarness(dataPath: _data))
        {
            id = await IndexOneAsync(first);
            passages = Index(first).PassageCount;
            await DropFromIndexAsync(first, id);
        }

        await using var second = new IngestionHarness(dataPath: _data);
        Assert.Equal(new IndexReconciliation(0, Requeued: 1, 0, 0), await Reconcile(second));
        Assert.Contains(second.Jobs.ListForDocument(id), j => !j.IsFinished);

        await second.DrainAsync();

        Assert.Equal(passages, Index(second).PassageCount);
        Assert.Equal(id, Assert.Single(second.Search.Search(new SearchRequest { Query = Query }).Hits).DocumentId);
        Assert.Single(second.Documents.List());
        Assert.Equal(new IndexReconciliation(0, 0, 0, 0), await Reconcile(second));
    }

    [Fact]
    public async Task ADocumentTheIndexLost_WithItsOriginalGone_IsWrittenFromTheStoredPages()
    {
        string id;
        await using (var first = new IngestionHarness(dataPath: _data))
        {
            id = await IndexOneAsync(first);
            await DropFromIndexAsync(first, id);
            first.Services.GetRequiredService<OriginalStore>().Delete(first.Documents.Get(id)!.ContentHash);
        }

        await using var second = new IngestionHarness(dataPath: _data);
        Assert.Equal(new IndexReconciliation(0, 0, Rewritten: 1, 0), await Reconcile(second));

        Assert.Equal(id, Assert.Single(second.Search.Search(new SearchRequest { Query = Query }).Hits).DocumentId);
        Assert.DoesNotContain(second.Jobs.ListForDocument(id), j => !j.IsFinished);
    }

    private static LuceneIndex Index(IngestionHarness harness) => harness.Services.GetRequiredService<LuceneIndex>();

    private static Task<IndexReconciliation> Reconcile(IngestionHarness harness) =>
        harness.Services.GetRequiredService<IndexReconciler>().ReconcileAsync();

    private static async Task<string> IndexOneAsync(IngestionHarness harness)
    {
        var job = (await harness.AddTextAsync("dat-dai.txt", Text)).Job;
        await harness.DrainAsync();
        return harness.Jobs.Get(job.Id)!.DocumentId!;
    }

    /// <summary>Removes the document's passages from the index alone, as a lost index commit would.</summary>
    private static async Task DropFromIndexAsync(IngestionHarness harness, string id)
    {
        Index(harness).Delete(id);
        await Index(harness).CommitAsync();
    }
}
