using KnowledgeBase.Core.Documents;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>
/// Opens a document at a page: PDFs in the embedded PDF.js viewer (served by the app itself, no CDN), other
/// formats in a reader view of their clean text at the passage; the query's words highlighted in both.
/// </summary>
public sealed class ViewerController(DocumentStore documentStore, DocumentService documents, Caller caller) : Controller
{
    [HttpGet("/documents/{id}/view")]
    public IActionResult View(string id, int page = 1, string? q = null, int? passage = null)
    {
        if (documentStore.GetVisible(id, caller.Audience) is not { } document)
        {
            return NotFound();
        }

        if (document.Kind != DocumentKind.Pdf)
        {
            return View("~/Views/Viewer/Reader.cshtml", new ReaderViewModel(document, documents.GetPassages(id), passage, q));
        }

        return View("~/Views/Viewer/Index.cshtml", new ViewerViewModel(document, Math.Clamp(page, 1, Math.Max(1, document.PageCount)), q));
    }
}
