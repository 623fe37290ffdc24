using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The "similar passages" page of a result.</summary>
public sealed class SimilarController : Controller
{
    private readonly ISimilarPassagesService _similar;
    private readonly CatalogStore _catalog;
    private readonly DocumentService _documents;

    public SimilarController(ISimilarPassagesService similar, CatalogStore catalog, DocumentService documents)
    {
        _similar = similar;
        _catalog = catalog;
        _documents = documents;
    }

    [HttpGet("/passages/{id}/similar")]
    public IActionResult Index(string id)
    {
        if (!PassageIds.TryParse(id, out var documentId, out var ordinal) || _catalog.GetDocument(documentId) is not { } document)
        {
            return NotFound();
        }

        var source = _documents.GetPassages(documentId).FirstOrDefault(p => p.Ordinal == ordinal);
        if (source is null)
        {
            return NotFound();
        }

        var hits = _similar.FindSimilar(id, 10, Audience.Everyone);
        var documents = _catalog.GetDocuments(hits.Select(h => h.DocumentId));
        return View(new SimilarViewModel(document, source, hits, documents));
    }
}
