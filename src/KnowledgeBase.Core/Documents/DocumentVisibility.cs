namespace KnowledgeBase.Core.Documents;

/// <summary>
/// Who may see a document. Stored in the catalog and in every indexed passage so that a later
/// accounts feature can filter at query time without a reindex.
/// </summary>
public enum DocumentVisibility
{
    /// <summary>Anyone who can reach the search page.</summary>
    Public,

    /// <summary>Signed-in staff (readers and above).</summary>
    Internal,

    /// <summary>Only the owner and administrators.</summary>
    Private,
}
