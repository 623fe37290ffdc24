using KnowledgeBase.Core.Documents;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>
/// Opens a document at a page: PDFs in the embedded PDF.js viewer (served by the app itself, no CDN) with the
/// query's words highlighted; other formats on the document page at the passage.
/// </summary>
public sealed class ViewerController : Controller
{
    private readonly CatalogStore _catalog;

    public ViewerController(CatalogStore catalog)
    {
        _catalog = catalog;
    }

    [HttpGet("/documents/{id}/view")]
    public IActionResult View(string id, int page = 1, string? q = null, int? passage = null)
    {
        if (!DocumentIds.IsValidId(id) || _catalog.GetDocument(id) is not { } document)
        {
            return NotFound();
        }

        if (document.Kind != DocumentKind.Pdf)
        {
            var query = string.IsNullOrWhiteSpace(q) ? string.Empty : $"?q={Uri.EscapeDataString(q)}";
            return Redirect($"{DocumentLinks.Details(id)}{query}#{(passage is { } p ? $"p-{p}" : $"page-{page}")}");
        }

        return View("~/Views/Viewer/Index.cshtml", new ViewerViewModel(document, Math.Clamp(page, 1, Math.Max(1, document.PageCount)), q));
    }
}
