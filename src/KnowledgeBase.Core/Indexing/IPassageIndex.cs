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

    /// <summary>
    /// Starts a bulk load (<c>kb reindex</c>, <c>kb bench search</c>): documents handed one after another, added as
    /// <see cref="Upsert"/> adds each; an index may add them in the background on every core. By default each is
    /// upserted in the caller's thread.
    /// </summary>
    IPassageLoad StartLoad() => new SequentialPassageLoad(this);

    /// <summary>Removes every passage of the document.</summary>
    void Delete(string documentId);

    /// <summary>
    /// The ids of the documents with at least one passage, written changes included (committed or not): what the
    /// ingestion worker compares with the catalog on start.
    /// </summary>
    IReadOnlyCollection<string> DocumentIds();

    /// <summary>
    /// True when the index holds passages written by an older version of the analysis: they must be rebuilt
    /// from the catalog (<see cref="BeginRebuild"/>, every document again, <see cref="CompleteRebuildAsync"/>)
    /// before searches are right. Stays true until the rebuild's commit.
    /// </summary>
    bool IsOutdated { get; }

    /// <summary>True between <see cref="BeginRebuild"/> and <see cref="CompleteRebuildAsync"/>.</summary>
    bool IsRebuilding { get; }

    /// <summary>
    /// Starts a full rebuild: every passage is removed and what follows is written under the current analysis. Until
    /// <see cref="CompleteRebuildAsync"/>, searches keep seeing the index as it was before (complete), and nothing is
    /// committed: <see cref="CommitAsync"/> leaves its writes to the rebuild's commit, and a rebuild that never
    /// completes (a stop, a crash) leaves the last complete commit on disk. Called again during a rebuild (after
    /// <see cref="CompleteRebuildAsync"/> failed: a full disk) it starts the rebuild over, every passage removed again.
    /// </summary>
    void BeginRebuild();

    /// <summary>
    /// Commits the rebuild (and every write made during it) and shows it to searches, all at once. When the commit
    /// fails, the index stays in rebuild mode (searches on the last complete commit, nothing committed) until a
    /// rebuild started again completes, or the index is closed (the rebuild is then rolled back).
    /// </summary>
    Task CompleteRebuildAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes all changes durable and visible to searches; during a rebuild, neither until the rebuild's commit
    /// (the catalog, from which an interrupted rebuild starts again, holds them meanwhile).
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
