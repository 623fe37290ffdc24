using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The document list, a document's page (metadata, quality, passages by page, search within) and its original.</summary>
[Route("documents")]
public sealed class DocumentsController(DocumentStore documentStore, JobStore jobStore, OriginalFiles originals, DocumentService documents, ISearchService search, UiText text, Caller caller, AuditTrail audit) : Controller
{
    private const int ListPageSize = 50;

    [HttpGet("")]
    public IActionResult Index(int page = 1)
    {
        page = Math.Clamp(page, 1, int.MaxValue / ListPageSize);
        var listed = documentStore.List(caller.Audience, (page - 1) * ListPageSize, ListPageSize);
        return View(new DocumentListViewModel(listed, documentStore.Count(caller.Audience), page, ListPageSize, TempData["Message"] as string));
    }

    /// <summary>Pages staff should look at: garbled, needing OCR, empty.</summary>
    [HttpGet("attention")]
    public IActionResult Attention() => View(documentStore.ListNeedingAttention(caller.Audience, 200));

    [HttpGet("{id}")]
    public IActionResult Details(string id, string? q)
    {
        if (DocumentDetails.Load(id, documentStore, jobStore, documents, caller.Audience) is not { } details)
        {
            return NotFound();
        }

        var model = new DocumentViewModel
        {
            Document = details.Document,
            Pages = details.Pages,
            PassagesByPage = [.. details.Passages.GroupBy(p => p.PageNumber)],
            Warnings = details.Warnings,
            Jobs = details.Jobs,
            Query = q,
            Message = TempData["Message"] as string,
            MayChange = caller.MayChange(details.Document),
        };
        if (string.IsNullOrWhiteSpace(q))
        {
            return View(model);
        }

        try
        {
            return View(model with { Results = search.Search(new SearchRequest { Query = q, DocumentId = id, PageSize = 50, Audience = caller.Audience }) });
        }
        catch (QuerySyntaxException e)
        {
            return View(model with { Error = QueryErrors.Describe(e, text) });
        }
    }

    /// <summary>The stored original. HTML snapshots are sandboxed: they were written by strangers.</summary>
    [HttpGet("{id}/file")]
    public IActionResult File(string id) => originals.Serve(Response, id, caller.Audience);

    [HttpPost("{id}/edit")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(string id, [FromForm] MetadataForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (this.Refuse(documentStore, caller, id) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            TempData["Message"] = text["Doc.EditInvalid"];
            return RedirectToAction(nameof(Details), new { id });
        }

        if (await documents.UpdateMetadataAsync(id, form.ApplyTo, cancellationToken) is null)
        {
            return NotFound();
        }

        audit.Record(AuditActions.Edit, id);
        TempData["Message"] = text["Doc.Saved"];
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/delete")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        if (this.Refuse(documentStore, caller, id) is { } refused)
        {
            return refused;
        }

        if (!await documents.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        audit.Record(AuditActions.Delete, id);

        TempData["Message"] = text["Doc.Deleted"];
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/reingest")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ValidateAntiForgeryToken]
    public IActionResult Reingest(string id)
    {
        if (this.Refuse(documentStore, caller, id) is { } refused)
        {
            return refused;
        }

        if (documents.Reingest(id, caller.Name) is not { } job)
        {
            return NotFound();
        }

        audit.Record(AuditActions.Reingest, id, $"job {job.Id}");

        TempData["Message"] = text.Format("Doc.Reingested", job.Id);
        return RedirectToAction(nameof(Details), new { id });
    }
}
