using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The jobs page: counts per state, the latest jobs with their reasons, retry for failures.</summary>
[Route("jobs")]
public sealed class JobsController(CatalogStore catalog, JobRetry retry) : Controller
{
    [HttpGet("")]
    public IActionResult Index(JobState? state)
    {
        var model = new JobsViewModel(catalog.ListJobs(state, 0, 200), catalog.CountJobsByState(), state, TempData["Message"] as string);
        return View(model);
    }

    [HttpPost("{id:long}/retry")]
    [ValidateAntiForgeryToken]
    public IActionResult Retry(long id) => retry.Retry(id) ? RedirectToAction(nameof(Index)) : NotFound();
}
