namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// A consistent copy of the index while it is being written (live backup): the implementation commits, holds
/// that commit point so that no merge deletes its files while they are copied, copies them, and lets go.
/// Implemented by the search side; the backup (ingestion side) sees only this.
/// </summary>
public interface IIndexSnapshotSource
{
    /// <summary>
    /// Copies the index as of now into <paramref name="folder"/> (created; it must hold no index), then removes
    /// from the copy the passages of every document <paramref name="keepDocument"/> refuses (documents added after
    /// the catalog was copied), so the copy holds nothing the copied catalog does not know.
    /// </summary>
    IndexSnapshotCopy CopySnapshotTo(string folder, Func<string, bool> keepDocument);
}

/// <summary>What <see cref="IIndexSnapshotSource.CopySnapshotTo"/> copied.</summary>
/// <param name="Files">Index files copied.</param>
/// <param name="Bytes">Their size.</param>
/// <param name="Documents">Documents with passages in the copy, after removal.</param>
/// <param name="RemovedDocuments">Documents whose passages were removed from the copy.</param>
public sealed record IndexSnapshotCopy(int Files, long Bytes, int Documents, int RemovedDocuments);
