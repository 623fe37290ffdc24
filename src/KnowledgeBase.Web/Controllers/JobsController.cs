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
    private readonly JobStore _jobStore;
    private readonly JobSignal _signal;

    public JobsController(JobStore jobStore, JobSignal signal)
    {
        _jobStore = jobStore;
        _signal = signal;
    }

    [HttpGet("")]
    public IActionResult Index(JobState? state)
    {
        var model = new JobsViewModel(_jobStore.List(state, 0, 200), _jobStore.CountByState(), state, TempData["Message"] as string);
        return View(model);
    }

    [HttpPost("{id:long}/retry")]
    [ValidateAntiForgeryToken]
    public IActionResult Retry(long id)
    {
        if (!_jobStore.Retry(id))
        {
            return NotFound();
        }

        _signal.Notify();
        return RedirectToAction(nameof(Index));
    }
}
