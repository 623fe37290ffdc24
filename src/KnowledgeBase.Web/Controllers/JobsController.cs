using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The jobs page: counts per state, the latest jobs with their reasons, retry for failures.</summary>
[Route("jobs")]
public sealed class JobsController(JobStore jobStore, JobRetry retry) : Controller
{
    [HttpGet("")]
    public IActionResult Index(JobState? state)
    {
        var model = new JobsViewModel(jobStore.List(state, 0, 200), jobStore.CountByState(), state, TempData["Message"] as string);
        return View(model);
    }

    [HttpPost("{id:long}/retry")]
    [ValidateAntiForgeryToken]
    public IActionResult Retry(long id) => retry.Retry(id) ? RedirectToAction(nameof(Index)) : NotFound();
}
