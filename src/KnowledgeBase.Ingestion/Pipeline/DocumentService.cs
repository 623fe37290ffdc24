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
    /// longer has it. Run on start, before any other index work. Returns how many documents it touched.
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
            if (_documentStore.Get(documentId) is { } document)
            {
                _index.Upsert(document, GetPassages(documentId));
            }
            else
            {
                _index.Delete(documentId);
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

        var metadata = new IntakeMetadata
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
        var job = _jobStore.Create(document.ContentHash, document.Kind, document.FileName, document.Source, metadata, JobState.Queued, document.Id);
        _signal.Notify();
        return job;
    }

    /// <summary>
    /// Rebuilds the whole index from the catalog's stored pages. Returns (documents, passages). Searches see the
    /// index as it was until the rebuild is committed, then the rebuilt one (<see cref="IPassageIndex.BeginRebuild"/>);
    /// a rebuild interrupted leaves the last complete commit.
    /// </summary>
    public async Task<(int Documents, int Passages)> ReindexAllAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        _index.BeginRebuild();
        var documents = 0;
        var passages = 0;
        const int batch = 200;
        for (var offset = 0; ; offset += batch)
        {
            var page = _documentStore.List(offset, batch);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var document in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunks = GetPassages(document.Id);
                _index.Upsert(document, chunks);
                documents++;
                passages += chunks.Count;
                progress?.Report(documents);
            }
        }

        await _index.CompleteRebuildAsync(cancellationToken);
        LogReindexed(documents, passages);
        return (documents, passages);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index changes of {Count} documents were not committed before the last stop; applied again")]
    private partial void LogReplayed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} deleted")]
    private partial void LogDeleted(string documentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index rebuilt: {Documents} documents, {Passages} passages")]
    private partial void LogReindexed(int documents, int passages);
}
