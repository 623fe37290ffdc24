using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// Serves a stored original inline with its content type (range requests allowed, so PDF viewers can jump to
/// a page). HTML snapshots are sandboxed: they were written by strangers and must not run in our origin.
/// Thread-safe.
/// </summary>
public sealed class OriginalFiles(DocumentStore documentStore, OriginalStore store)
{
    public IActionResult Serve(HttpResponse response, string id, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(audience);
        if (documentStore.GetVisible(id, audience) is not { } document || !store.Exists(document.ContentHash))
        {
            return new NotFoundResult();
        }

        if (document.Kind == DocumentKind.Html)
        {
            response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline' *";
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new PhysicalFileResult(store.PathOf(document.ContentHash), document.ContentType) { EnableRangeProcessing = true };
    }
}
