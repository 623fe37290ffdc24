using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Chunking;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// What staff do to documents after ingestion: delete (gone from search at once), re-ingest, rebuild the
/// whole index from the catalog. Thread-safe.
/// </summary>
public sealed partial class DocumentService
{
    private readonly DocumentStore _documentStore;
    private readonly JobStore _jobStore;
    private readonly OriginalStore _store;
    private readonly IPassageIndex _index;
    private readonly IndexCommitter _committer;
    private readonly PassageChunker _chunker;
    private readonly JobSignal _signal;
    private readonly IndexIntentStore _intents;
    private readonly ILogger<DocumentService> _logger;

    public DocumentService(
        DocumentStore documentStore,
        JobStore jobStore,
        OriginalStore store,
        IPassageIndex index,
        IndexCommitter committer,
        PassageChunker chunker,
        JobSignal signal,
        IndexIntentStore intents,
        ILogger<DocumentService> logger)
    {
        _documentStore = documentStore;
        _jobStore = jobStore;
        _store = store;
        _index = index;
        _committer = committer;
        _chunker = chunker;
        _signal = signal;
        _intents = intents;
        _logger = logger;
    }

    /// <summary>The passages of a document, page by page, as indexed (derived from the stored pages).</summary>
    public IReadOnlyList<Passage> GetPassages(string documentId) =>
        _chunker.Chunk(documentId, DocumentBuilder.SearchablePages(_documentStore.GetPages(documentId)));

    /// <summary>Removes a document from search, the catalog and (when no other version uses it) the store.</summary>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var hashes = _documentStore.GetVersionHashes(documentId);
        if (_documentStore.Get(documentId) is null)
        {
            return false;
        }

        // The intent outlives a failed commit (a full disk): the next start deletes the passages again.
        _intents.Record(documentId);
        if (!_documentStore.Delete(documentId))
        {
            _intents.Clear(documentId);
            return false;
        }

        _index.Delete(documentId);
        await _committer.CommitAsync(cancellationToken);
        _intents.Clear(documentId);
        foreach (var hash in hashes.Where(h => !_documentStore.IsHashReferenced(h)))
        {
            _store.Delete(hash);
        }

        LogDeleted(documentId);
        return true;
    }

    /// <summary>
    /// Changes what staff may edit (title, date, author, tags, collection, visibility) in the catalog and in
    /// every indexed passage, so that search, facets and visibility follow at once. Null when not found.
    /// </summary>
    public async Task<DocumentInfo?> UpdateMetadataAsync(string documentId, Func<DocumentInfo, DocumentInfo> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var document = _documentStore.Get(documentId);
        if (document is null)
        {
            return null;
        }

        var updated = change(document) with { Id = document.Id, ContentHash = document.ContentHash, Version = document.Version };
        _intents.Record(documentId);
        _documentStore.UpdateMetadata(updated);
        _index.Upsert(updated, GetPassages(documentId));
        await _committer.CommitAsync(cancellationToken);
        _intents.Clear(documentId);
        return updated;
    }

    /// <summary>
    /// Applies again the index changes recorded but never committed (a delete or an edit that met a full disk
    /// or a crash): the document's passages are written anew from the catalog, or removed when the catalog no
    /// longer has it. Run on start, before any other index work. Returns how many documents it touched. A document
    /// whose stored pages cannot be read or indexed does not stop the others: its passages are removed (an edit that
    /// made it private must not leave it public), it is logged and marked for re-ingestion
    /// (<see cref="MarkUnindexable"/>), and its intent is cleared with the rest.
    /// </summary>
    public async Task<int> ReplayIndexIntentsAsync(CancellationToken cancellationToken = default)
    {
        var pending = _intents.Pending();
        if (pending.Count == 0)
        {
            return 0;
        }

        foreach (var documentId in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DocumentInfo? document = null;
            try
            {
                document = _documentStore.Get(documentId);
                if (document is not null)
                {
                    _index.Upsert(document, GetPassages(documentId));
                }
                else
                {
                    _index.Delete(documentId);
                }
            }
            catch (Exception e) when (IsDocumentFault(e))
            {
                _index.Delete(documentId);
                MarkUnindexable(documentId, document, e);
            }
        }

        await _committer.CommitAsync(cancellationToken);
        foreach (var documentId in pending)
        {
            _intents.Clear(documentId);
        }

        LogReplayed(pending.Count);
        return pending.Count;
    }

    /// <summary>Queues the document's current original to be extracted and indexed again.</summary>
    public JobInfo? Reingest(string documentId, string? requestedBy = null)
    {
        var document = _documentStore.Get(documentId);
        if (document is null)
        {
            return null;
        }

        var job = _jobStore.Create(document.ContentHash, document.Kind, document.FileName, document.Source, MetadataOf(document, requestedBy), JobState.Queued, document.Id);
        _signal.Notify();
        return job;
    }

    /// <summary>
    /// True for an exception that belongs to one document — its catalog row or stored pages cannot be read (a
    /// SQLite error on that row, damaged JSON), chunked or analysed — so that the document is skipped and the work goes
    /// on. Not one: a cancellation; an I/O error (the index's disk: every document would meet it); a transient catalog
    /// error (busy, locked); a writer that is closed or out of memory. Those fail the whole step, which is retried.
    /// </summary>
    internal static bool IsDocumentFault(Exception exception) => exception is not (
        OperationCanceledException or IOException or ObjectDisposedException or OutOfMemoryException
        or System.Data.Common.DbException { IsTransient: true });

    /// <summary>
    /// Leaves a document that could not be indexed where staff look for failures: logged with the reason, and a
    /// failed job for it (once per reason) on the jobs page, whose "retry" — like <c>kb reingest ID</c> — extracts its
    /// original again and indexes it. A document whose catalog row cannot be read is only logged (no job can name it).
    /// Never throws: the catalog may be what failed.
    /// </summary>
    internal string MarkUnindexable(string documentId, DocumentInfo? document, Exception exception)
    {
        var reason = $"{UnindexablePrefix} ({exception.GetType().Name}: {exception.Message}); it is left out of search until it is ingested again.";
        LogUnindexable(documentId, reason, exception);
        if (document is null)
        {
            return reason;
        }

        try
        {
            var recorded = _jobStore.ListForDocument(documentId)
                .Any(j => j.State == JobState.Failed && string.Equals(j.Reason, reason, StringComparison.Ordinal));
            if (!recorded)
            {
                _jobStore.Create(document.ContentHash, document.Kind, document.FileName, document.Source, MetadataOf(document, null), JobState.Failed, document.Id, reason);
            }
        }
#pragma warning disable CA1031 // Recording the failure must not fail the work that skips the document; the log above names it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnindexableNotRecorded(documentId, e);
        }

        return reason;
    }

    /// <summary>How a skipped document's failed job reads (FailureReasons' code <c>unindexable</c> is read from it).</summary>
    internal const string UnindexablePrefix = "The document could not be indexed from the catalog";

    private static IntakeMetadata MetadataOf(DocumentInfo document, string? requestedBy) => new()
    {
        Title = document.Title,
        Date = document.Date,
        Author = document.Author,
        Tags = document.Tags,
        Collection = document.Collection,
        Visibility = document.Visibility,
        AddedBy = requestedBy ?? document.AddedBy,
        SourceUrl = document.SourceUrl,
    };

    /// <summary>
    /// Rebuilds the whole index from the catalog's stored pages. Searches see the index as it was until the rebuild is
    /// committed, then the rebuilt one (<see cref="IPassageIndex.BeginRebuild"/>); a rebuild interrupted leaves the last
    /// complete commit, and one started again (after a failed commit) starts over.
    /// A document whose row or stored pages cannot be read or indexed is skipped (<see cref="IsDocumentFault"/>): its
    /// passages left out, logged, marked for re-ingestion (<see cref="MarkUnindexable"/>) and listed in the result; the
    /// rebuild commits every other document. When more documents fail than are indexed, the fault is not theirs but
    /// the catalog's: nothing is committed and <see cref="RebuildFailedException"/> is thrown (the index stays in rebuild
    /// mode, searches on the last complete commit, until a rebuild started again completes).
    /// Anything else (the commit on a full disk, the catalog's list) is thrown as it is, in rebuild mode likewise.
    /// </summary>
    public async Task<IndexRebuild> ReindexAllAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        _index.BeginRebuild();
        var documents = 0;
        var passages = 0;
        var skipped = new List<SkippedDocument>();
        var handed = new Dictionary<string, int>(StringComparer.Ordinal);
        // The documents go to the index's writer threads (every core) while this thread reads the next from the catalog.
        var load = _index.StartLoad();
        const int batch = 200;
        try
        {
            foreach (var ids in _documentStore.Ids().Chunk(batch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (id, document) in Read(ids, skipped))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        var chunks = GetPassages(id);
                        await load.AddAsync(document, chunks, cancellationToken);
                        handed[id] = chunks.Count;
                        documents++;
                        passages += chunks.Count;
                        progress?.Report(documents);
                    }
                    catch (Exception e) when (IsDocumentFault(e))
                    {
                        // Passages it got before the fault go with it: a skipped document is wholly out.
                        _index.Delete(id);
                        skipped.Add(new SkippedDocument(id, document.Title, MarkUnindexable(id, document, e)));
                    }
                }
            }
        }
        catch
        {
            // Nothing handed over is left to be added behind a rebuild started again (its DeleteAll must come after).
            await load.WhenAddedAsync();
            throw;
        }

        foreach (var (document, exception) in await load.WhenAddedAsync())
        {
            if (!IsDocumentFault(exception))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
            }

            // Added after its passages (all of them are in the writer now): a skipped document is wholly out.
            _index.Delete(document.Id);
            documents--;
            passages -= handed[document.Id];
            skipped.Add(new SkippedDocument(document.Id, document.Title, MarkUnindexable(document.Id, document, exception)));
        }

        if (skipped.Count > documents)
        {
            throw new RebuildFailedException(
                $"The rebuild could not index {skipped.Count} documents and indexed only {documents}: not committed, the "
                + "previous index kept (the catalog itself is likely at fault; each document is logged).");
        }

        await _index.CompleteRebuildAsync(cancellationToken);
        LogReindexed(documents, passages, skipped.Count);
        return new IndexRebuild(documents, passages, skipped);
    }

    /// <summary>The documents of a batch of ids, in one query; one by one when that fails (a row that cannot be read is skipped).</summary>
    private IEnumerable<(string Id, DocumentInfo Document)> Read(string[] ids, List<SkippedDocument> skipped)
    {
        IReadOnlyDictionary<string, DocumentInfo>? many = null;
        try
        {
            many = _documentStore.GetMany(ids);
        }
        catch (Exception e) when (IsDocumentFault(e))
        {
            // One row of the batch cannot be read: find which, one by one.
        }

        foreach (var id in ids)
        {
            DocumentInfo? document;
            if (many is not null)
            {
                // Deleted since the ids were listed: nothing to index.
                if (!many.TryGetValue(id, out document))
                {
                    continue;
                }
            }
            else
            {
                try
                {
                    document = _documentStore.Get(id);
                }
                catch (Exception e) when (IsDocumentFault(e))
                {
                    skipped.Add(new SkippedDocument(id, null, MarkUnindexable(id, null, e)));
                    continue;
                }

                if (document is null)
                {
                    continue;
                }
            }

            yield return (id, document);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index changes of {Count} documents were not committed before the last stop; applied again")]
    private partial void LogReplayed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} deleted")]
    private partial void LogDeleted(string documentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index rebuilt: {Documents} documents, {Passages} passages, {Skipped} documents skipped (logged above)")]
    private partial void LogReindexed(int documents, int passages, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId} skipped: {Reason}")]
    private partial void LogUnindexable(string documentId, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId}: its failed job could not be recorded in the catalog")]
    private partial void LogUnindexableNotRecorded(string documentId, Exception exception);
}

/// <summary>What <see cref="DocumentService.ReindexAllAsync"/> did.</summary>
/// <param name="Documents">Documents indexed.</param>
/// <param name="Passages">Their passages.</param>
/// <param name="Skipped">Documents that could not be indexed, each with its reason; left out of the rebuilt index.</param>
public sealed record IndexRebuild(int Documents, int Passages, IReadOnlyList<SkippedDocument> Skipped);

/// <summary>A document a rebuild, a replay or a reconciliation could not index, and why (the stored reason of its failed job).</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Title">Its title, or null when its catalog row itself could not be read.</param>
/// <param name="Reason">Why, as logged and stored on its failed job.</param>
public sealed record SkippedDocument(string DocumentId, string? Title, string Reason);

/// <summary>A rebuild that was not committed because most documents failed: the catalog, not the documents, is at fault.</summary>
public sealed class RebuildFailedException(string message) : Exception(message);
