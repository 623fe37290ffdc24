using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The "similar passages" page of a result.</summary>
public sealed class SimilarController(ISimilarPassagesService similar, DocumentStore documentStore, DocumentService documents, Caller caller) : Controller
{
    [HttpGet("/passages/{id}/similar")]
    public IActionResult Index(string id)
    {
        if (!PassageIds.TryParse(id, out var documentId, out var ordinal) || documentStore.GetVisible(documentId, caller.Audience) is not { } document)
        {
            return NotFound();
        }

        var source = documents.GetPassages(documentId).FirstOrDefault(p => p.Ordinal == ordinal);
        if (source is null)
        {
            return NotFound();
        }

        var hits = similar.FindSimilar(id, 10, caller.Audience);
        var entries = documentStore.GetMany(hits.Select(h => h.DocumentId));
        return View(new SimilarViewModel(document, source, hits, entries));
    }
}
