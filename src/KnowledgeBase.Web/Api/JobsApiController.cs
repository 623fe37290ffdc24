using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>Ingestion jobs as JSON: counts per state, the latest jobs, one job, retry.</summary>
[ApiController]
[Route("api/jobs")]
public sealed class JobsApiController(JobStore jobStore, JobRetry retry, Caller caller) : ControllerBase
{
    [HttpGet("")]
    [ProducesResponseType<JobListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<JobListResponse> List(JobState? state, int offset = 0, int limit = 100)
    {
        if (ListPaging.Refuse(this, offset, limit) is { } refused)
        {
            return refused;
        }

        return new JobListResponse(jobStore.CountByState(caller.Audience), [.. jobStore.List(caller.Audience, state, offset, limit).Select(JobResponse.From)]);
    }

    [HttpGet("{id:long}")]
    [ProducesResponseType<JobResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public ActionResult<JobResponse> Get(long id) => jobStore.Get(id, caller.Audience) is { } job ? JobResponse.From(job) : NotFound();

    [HttpPost("{id:long}/retry")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ProducesResponseType<JobResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public ActionResult<JobResponse> Retry(long id) => retry.Retry(id) switch
    {
        JobRetryOutcome.Missing => NotFound(),
        JobRetryOutcome.Forbidden => Forbid(),
        JobRetryOutcome.NotFailed => Conflict(new ProblemDetails { Title = "Only failed jobs can be retried." }),
        _ => jobStore.Get(id) is { } job ? Accepted(JobResponse.From(job)) : NotFound(),
    };
}
