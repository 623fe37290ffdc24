using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The jobs page: counts per state, the latest jobs with their reasons, retry for failures; a warning while the worker's start-up index work waits to be tried again.</summary>
[Route("jobs")]
public sealed class JobsController(JobStore jobStore, JobRetry retry, Caller caller, WorkerHeartbeat heartbeat) : Controller
{
    [HttpGet("")]
    public IActionResult Index(JobState? state)
    {
        var model = new JobsViewModel(jobStore.List(caller.Audience, state, 0, 200), jobStore.CountByState(caller.Audience), state, TempData["Message"] as string, heartbeat.StartupFailure, caller.IsAdmin);
        return View(model);
    }

    [HttpPost("{id:long}/retry")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ValidateAntiForgeryToken]
    public IActionResult Retry(long id) => retry.Retry(id) switch
    {
        JobRetryOutcome.Retried => RedirectToAction(nameof(Index)),
        JobRetryOutcome.Forbidden => Forbid(),
        _ => NotFound(),
    };
}
