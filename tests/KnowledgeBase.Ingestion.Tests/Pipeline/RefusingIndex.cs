using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// The index that, once <see cref="Refuse"/> names a document, adds that document's first passage and then throws, as a
/// document the writer cannot take would part-way (a bulk load reports it after the fact). Everything else goes to the
/// inner index; its bulk load is the default one, <see cref="Upsert"/> in turn. A fault-injecting wrapper.
/// </summary>
public sealed class RefusingIndex(IPassageIndex inner) : IPassageIndex
{
    /// <summary>The id of the document to refuse, or null.</summary>
    public string? Refuse { get; set; }

    public bool IsOutdated => inner.IsOutdated;

    public bool IsRebuilding => inner.IsRebuilding;

    public void Upsert(DocumentInfo document, IReadOnlyList<Passage> passages)
    {
        if (document.Id != Refuse)
        {
            inner.Upsert(document, passages);
            return;
        }

        inner.Upsert(document, [passages[0]]);
        throw new InvalidOperationException("The writer refused this document.");
    }

    public void Delete(string documentId) => inner.Delete(documentId);

    public IReadOnlyCollection<string> DocumentIds() => inner.DocumentIds();

    public void BeginRebuild() => inner.BeginRebuild();

    public Task CompleteRebuildAsync(CancellationToken cancellationToken = default) => inner.CompleteRebuildAsync(cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);
}
