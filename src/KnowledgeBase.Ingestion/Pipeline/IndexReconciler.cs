using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// Makes the index agree with the catalog on start, beyond the recorded intents (a crash, a restored backup, an
/// index folder copied from elsewhere): the passages of documents the catalog does not have are removed, and the
/// catalog's documents the index lacks are queued again through the normal job path (or, when their original is
/// gone, written from the catalog's stored pages). Compares the ids only: the index's document-id terms, the
/// catalog's ids. Run by the worker after the intent replay, before the job queue starts.
/// </summary>
public sealed partial class IndexReconciler(
    DocumentStore documentStore,
    JobStore jobStore,
    OriginalStore store,
    IPassageIndex index,
    IndexCommitter committer,
    DocumentService documents,
    ILogger<IndexReconciler> logger)
{
    private readonly ILogger<IndexReconciler> _logger = logger;

    public async Task<IndexReconciliation> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var indexed = index.DocumentIds().ToHashSet(StringComparer.Ordinal);
        var catalog = documentStore.Ids().ToHashSet(StringComparer.Ordinal);
        var orphans = indexed.Where(id => !catalog.Contains(id)).ToList();
        foreach (var id in orphans)
        {
            index.Delete(id);
        }

        // A document an unfinished job will index anyway is left to that job.
        var active = jobStore.ActiveDocumentIds().ToHashSet(StringComparer.Ordinal);
        int requeued = 0, rewritten = 0, empty = 0, failed = 0;
        foreach (var id in catalog.Where(id => !indexed.Contains(id) && !active.Contains(id)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            DocumentInfo? document = null;
            try
            {
                document = documentStore.Get(id);
                var passages = document is null ? [] : documents.GetPassages(id);
                if (passages.Count == 0 || document is null)
                {
                    // Nothing searchable in its stored pages: the index rightly has nothing of it.
                    empty++;
                }
                else if (store.Exists(document.ContentHash))
                {
                    documents.Reingest(id);
                    requeued++;
                }
                else
                {
                    index.Upsert(document, passages);
                    rewritten++;
                }
            }
            catch (Exception e) when (DocumentService.IsDocumentFault(e))
            {
                // One row that cannot be read does not keep the others out of the index: skipped, logged, marked.
                index.Delete(id);
                documents.MarkUnindexable(id, document, e);
                failed++;
            }
        }

        if (orphans.Count + rewritten > 0)
        {
            await committer.CommitAsync(cancellationToken);
        }

        var result = new IndexReconciliation(orphans.Count, requeued, rewritten, empty, failed);
        if (orphans.Count + requeued + rewritten + failed > 0)
        {
            LogReconciled(orphans.Count, requeued, rewritten, failed);
        }

        LogCompared(indexed.Count, catalog.Count, empty);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index reconciled with the catalog: passages of {Orphans} documents the catalog does not have removed, {Requeued} documents missing from the index queued again, {Rewritten} written from their stored pages (original missing), {Failed} skipped as unreadable (logged above)")]
    private partial void LogReconciled(int orphans, int requeued, int rewritten, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index compared with the catalog: {Indexed} documents indexed, {Catalog} in the catalog, {Empty} with nothing searchable")]
    private partial void LogCompared(int indexed, int catalog, int empty);
}

/// <summary>What <see cref="IndexReconciler.ReconcileAsync"/> did.</summary>
/// <param name="Removed">Documents unknown to the catalog whose passages were removed from the index.</param>
/// <param name="Requeued">Catalog documents missing from the index, queued to be extracted and indexed again.</param>
/// <param name="Rewritten">Catalog documents missing from the index whose original is gone, indexed from their stored pages.</param>
/// <param name="Empty">Catalog documents missing from the index whose stored pages hold nothing searchable (left alone).</param>
/// <param name="Failed">Catalog documents missing from the index whose row or stored pages could not be read: skipped, logged and marked for re-ingestion (<see cref="DocumentService.MarkUnindexable"/>).</param>
public sealed record IndexReconciliation(int Removed, int Requeued, int Rewritten, int Empty, int Failed = 0);
