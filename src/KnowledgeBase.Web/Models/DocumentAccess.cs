using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

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
    /// <summary>The document, when the id is well formed and the audience may see it; null otherwise (missing to them).</summary>
    public static DocumentInfo? GetVisible(this DocumentStore documentStore, string id, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(documentStore);
        ArgumentNullException.ThrowIfNull(audience);
        return DocumentIds.IsValidId(id) && documentStore.Get(id) is { } document && audience.Sees(document) ? document : null;
    }

    public static DocumentAccess Check(DocumentStore documentStore, Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(documentStore);
        ArgumentNullException.ThrowIfNull(caller);
        if (documentStore.GetVisible(id, caller.Audience) is not { } document)
        {
            return DocumentAccess.Missing;
        }

        return caller.MayChange(document) ? DocumentAccess.Allowed : DocumentAccess.Forbidden;
    }

    /// <summary>
    /// The answer refusing a write on the document: not found when the caller may not see it, forbidden when they
    /// may not change it; null when the write may go ahead.
    /// </summary>
    public static ActionResult? Refuse(this ControllerBase controller, DocumentStore documentStore, Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return Check(documentStore, caller, id) switch
        {
            DocumentAccess.Missing => controller.NotFound(),
            DocumentAccess.Forbidden => controller.Forbid(),
            _ => null,
        };
    }
}
