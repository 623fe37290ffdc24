using KnowledgeBase.Ingestion.Backup;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// Operations for administrators. <c>POST /api/admin/backup</c>: a consistent backup while the app runs and ingests
/// (<see cref="BackupWriter"/>), written on the server under the given folder (absolute) or <c>backups/</c> in the
/// data folder; <c>kb backup</c> calls it when the app holds the index. <c>POST /api/admin/optimize</c>: the index merged
/// into at most <c>maxSegments</c> segments while searches and ingestion go on (<see cref="LuceneIndex.OptimizeAsync"/>);
/// <c>kb optimize</c> calls it when the app holds the index.
/// </summary>
[ApiController]
[Route("api/admin")]
[Authorize(Policy = AccountPrincipal.AdminPolicy)]
public sealed class AdminApiController(BackupWriter backups, LuceneIndex index) : ControllerBase
{
    [HttpPost("backup")]
    [ProducesResponseType<BackupResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError)]
    public async Task<ActionResult<BackupResponse>> Backup([FromBody] BackupRequest? request, CancellationToken cancellationToken)
    {
        var destination = request?.Destination;
        if (!string.IsNullOrWhiteSpace(destination) && !Path.IsPathFullyQualified(destination))
        {
            return Problem(statusCode: 400, title: "Relative destination", detail: "The destination is a folder on the server, given as an absolute path.");
        }

        try
        {
            var (folder, manifest) = await backups.WriteAsync(destination, cancellationToken);
            return StatusCode(StatusCodes.Status201Created, BackupResponse.From(folder, manifest));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem(statusCode: 500, title: "Backup failed", detail: e.Message);
        }
    }

    [HttpPost("optimize")]
    [ProducesResponseType<OptimizeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError)]
    public async Task<ActionResult<OptimizeResponse>> Optimize([FromBody] OptimizeRequest? request, CancellationToken cancellationToken)
    {
        var maxSegments = request?.MaxSegments ?? 1;
        if (maxSegments < 1)
        {
            return Problem(statusCode: 400, title: "Invalid segment count", detail: "maxSegments must be at least 1.");
        }

        if (index.IsRebuilding)
        {
            return Problem(statusCode: 409, title: "Index being rebuilt", detail: "The index is being rebuilt; optimize it once the rebuild is committed.");
        }

        try
        {
            var result = await index.OptimizeAsync(maxSegments, cancellationToken);
            return Ok(new OptimizeResponse(result.SegmentsBefore, result.SegmentsAfter, result.TotalTime.TotalSeconds));
        }
        catch (IOException e)
        {
            return Problem(statusCode: 500, title: "Optimize failed", detail: e.Message);
        }
    }
}
