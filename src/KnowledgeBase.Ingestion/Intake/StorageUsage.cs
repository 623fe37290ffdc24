using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// The bytes a user's files take, computed from the catalog: the sizes of the documents they added (current
/// versions) plus the originals of their unfinished jobs (queued, running or failed), read from disk. Thread-safe.
/// </summary>
public sealed class StorageUsage(DocumentStore documents, JobStore jobs, OriginalStore originals)
{
    public long BytesOf(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var pending = jobs.PendingHashesBy(user).Sum(SizeOfOriginal);
        return documents.StoredBytesBy(user) + pending;
    }

    private long SizeOfOriginal(string hash)
    {
        var file = new FileInfo(originals.PathOf(hash));
        return file.Exists ? file.Length : 0;
    }
}
