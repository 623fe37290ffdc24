using KnowledgeBase.Core.Documents;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Accounts;

namespace KnowledgeBase.Web.Models;

/// <summary>Whether a caller may change a document: a document they may not see is missing to them, not forbidden.</summary>
public enum DocumentAccess
{
    Missing,
    Forbidden,
    Allowed,
}

/// <summary>The check every write on one document (edit, delete, re-ingest) makes, on the page and in the API alike.</summary>
public static class DocumentAccessCheck
{
    public static DocumentAccess Check(DocumentStore documentStore, Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(documentStore);
        ArgumentNullException.ThrowIfNull(caller);
        if (!DocumentIds.IsValidId(id) || documentStore.Get(id) is not { } document || !caller.Sees(document))
        {
            return DocumentAccess.Missing;
        }

        return caller.MayChange(document) ? DocumentAccess.Allowed : DocumentAccess.Forbidden;
    }
}
