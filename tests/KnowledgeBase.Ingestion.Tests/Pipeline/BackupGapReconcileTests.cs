using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Backup;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// A document deleted between a live backup's catalog copy and its index snapshot: the backup's catalog has it,
/// its index and originals do not. Opened as a data folder (what <c>kb restore</c> puts in place), the
/// reconciliation on start writes it back from the catalog's stored pages, so the restored search finds it.
/// </summary>
public sealed class BackupGapReconcileTests : IAsyncDisposable
{
    private const string Text = "Quy định về phòng cháy chữa cháy tại các khu dân cư và nhà chung cư cao tầng trên địa bàn tỉnh.";

    private readonly string _backups = Path.Combine(Path.GetTempPath(), "kb-gap-" + Guid.NewGuid().ToString("N"));
    private string? _deleted;
    private IngestionHarness? _live;

    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        Directory.Delete(_backups, recursive: true);
    }

    [Fact]
    public async Task DeletedBetweenCatalogCopyAndIndexSnapshot_IsSearchableAgainAfterRestore()
    {
        _live = new IngestionHarness(configure: services => services.AddSingleton<IIndexSnapshotSource>(sp =>
            new DeleteFirst(sp.GetRequiredService<LuceneIndex>(), () => sp.GetRequiredService<DocumentService>().DeleteAsync(_deleted!).GetAwaiter().GetResult())));
        var job = (await _live.AddTextAsync("pccc.txt", Text)).Job;
        await _live.DrainAsync();
        _deleted = _live.Jobs.Get(job.Id)!.DocumentId!;

        var (folder, manifest) = await _live.Services.GetRequiredService<BackupWriter>().WriteAsync(_backups);
        Assert.Equal((1, 0, 0), (manifest.Documents, manifest.IndexedDocuments, manifest.Originals));

        await using var restored = new IngestionHarness(dataPath: folder);
        var result = await restored.Services.GetRequiredService<IndexReconciler>().ReconcileAsync();

        Assert.Equal(new IndexReconciliation(0, 0, Rewritten: 1, 0), result);
        var hit = Assert.Single(restored.Search.Search(new SearchRequest { Query = "phong chay chua chay" }).Hits);
        Assert.Equal(_deleted, hit.DocumentId);
    }

    /// <summary>The live index's snapshot, after <paramref name="between"/> ran (a delete landing between the two copies).</summary>
    private sealed class DeleteFirst(IIndexSnapshotSource inner, Action between) : IIndexSnapshotSource
    {
        public IndexSnapshotCopy CopySnapshotTo(string folder, Func<string, bool> keepDocument)
        {
            between();
            return inner.CopySnapshotTo(folder, keepDocument);
        }
    }
}
