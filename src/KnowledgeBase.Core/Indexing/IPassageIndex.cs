using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// The write side of the search index, as the ingestion side sees it. Implementations are thread-safe;
/// changes become visible to searches after <see cref="CommitAsync"/> (or the next periodic refresh).
/// </summary>
public interface IPassageIndex
{
    /// <summary>Replaces every passage of the document with <paramref name="passages"/> (idempotent).</summary>
    void Upsert(DocumentInfo document, IReadOnlyList<Passage> passages);

    /// <summary>
    /// Replaces every passage of several distinct documents, as <see cref="Upsert"/> of each would (idempotent);
    /// an index may do it faster at once (analysis on every core). Visible and durable only after a commit.
    /// </summary>
    void UpsertMany(IReadOnlyList<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var (document, passages) in documents)
        {
            Upsert(document, passages);
        }
    }

    /// <summary>Removes every passage of the document.</summary>
    void Delete(string documentId);

    /// <summary>
    /// The ids of the documents with at least one passage, written changes included (committed or not): what the
    /// ingestion worker compares with the catalog on start.
    /// </summary>
    IReadOnlyCollection<string> DocumentIds();

    /// <summary>
    /// True when the index holds passages written by an older version of the analysis: they must be rebuilt
    /// from the catalog (<see cref="DeleteAll"/>, then every document again) before searches are right.
    /// </summary>
    bool IsOutdated { get; }

    /// <summary>Removes everything (used by a full rebuild); what follows is written under the current analysis.</summary>
    void DeleteAll();

    /// <summary>Makes all changes durable and visible to searches.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
