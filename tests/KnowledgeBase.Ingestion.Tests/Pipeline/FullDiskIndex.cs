using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// The index as a full disk leaves it: once <see cref="Full"/>, changes are accepted in memory but never reach
/// the folder (the commit fails, and the writer rolls them back when it closes). A fault-injecting wrapper: no
/// root, no mounts.
/// </summary>
public sealed class FullDiskIndex(IPassageIndex inner) : IPassageIndex
{
    public const string Message = "No space left on device";

    public bool Full { get; set; }

    public bool IsOutdated => inner.IsOutdated;

    public void Upsert(DocumentInfo document, IReadOnlyList<Passage> passages)
    {
        if (!Full)
        {
            inner.Upsert(document, passages);
        }
    }

    public void Delete(string documentId)
    {
        if (!Full)
        {
            inner.Delete(documentId);
        }
    }

    public IReadOnlyCollection<string> DocumentIds() => inner.DocumentIds();

    public bool IsRebuilding => inner.IsRebuilding;

    public void BeginRebuild()
    {
        if (!Full)
        {
            inner.BeginRebuild();
        }
    }

    public Task CompleteRebuildAsync(CancellationToken cancellationToken = default) =>
        Full ? Task.FromException(new IOException(Message)) : inner.CompleteRebuildAsync(cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        Full ? Task.FromException(new IOException(Message)) : inner.CommitAsync(cancellationToken);
}
