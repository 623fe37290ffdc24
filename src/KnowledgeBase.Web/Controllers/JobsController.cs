using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The jobs page: counts per state, the latest jobs with their reasons, retry for failures.</summary>
[Route("jobs")]
public sealed class JobsController : Controller
{
    private readonly CatalogStore _catalog;
    private readonly JobSignal _signal;

    public JobsController(CatalogStore catalog, JobSignal signal)
    {
        _catalog = catalog;
        _signal = signal;
    }

    [HttpGet("")]
    public IActionResult Index(JobState? state)
    {
        var model = new JobsViewModel(_catalog.ListJobs(state, 0, 200), _catalog.CountJobsByState(), state, TempData["Message"] as string);
        return View(model);
    }

    [HttpPost("{id:long}/retry")]
    [ValidateAntiForgeryToken]
    public IActionResult Retry(long id)
    {
        if (!_catalog.RetryJob(id))
        {
            return NotFound();
        }

        _signal.Notify();
        return RedirectToAction(nameof(Index));
    }
}
