using KnowledgeBase.Ingestion.Backup;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// Operations for administrators. <c>POST /api/admin/backup</c>: a consistent backup while the app runs and ingests
/// (<see cref="BackupWriter"/>), written on the server under the given folder (absolute) or <c>backups/</c> in the
/// data folder; <c>kb backup</c> calls it when the app holds the index.
/// </summary>
[ApiController]
[Route("api/admin")]
[Authorize(Policy = AccountPrincipal.AdminPolicy)]
public sealed class AdminApiController(BackupWriter backups) : ControllerBase
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
}
