using System.Diagnostics;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authorization;
using KnowledgeBase.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The upload page: several files at once with title, tags, collection and visibility, or one address.</summary>
[Route("upload")]
[Authorize(Policy = AccountPrincipal.EditorPolicy)]
public sealed class UploadController(UploadIntake uploads, IOptions<IngestionOptions> options, UiText text, Caller caller, AuditTrail audit) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => Page([]);

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    [OverSizeUploadPage]
    public async Task<IActionResult> Index([FromForm] UploadForm form, [FromForm] List<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcomes = new List<UploadOutcome>();
        if (files is null || files.Count == 0)
        {
            outcomes.Add(new UploadOutcome(string.Empty, false, text["Upload.NoFile"], null));
        }
        else
        {
            foreach (var file in files)
            {
                outcomes.Add(Describe(audit.Record(AuditActions.Upload, await uploads.AddFileAsync(file, form.ToMetadata(caller.Name), cancellationToken))));
            }
        }

        return Page(outcomes);
    }

    /// <summary>A web article or a PDF by address.</summary>
    [HttpPost("url")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Import([FromForm] string? url, [FromForm] UploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Page([Describe(audit.Record(AuditActions.ImportUrl, await uploads.ImportUrlAsync(url ?? string.Empty, form.ToMetadata(caller.Name), cancellationToken)))]);
    }

    /// <summary>The page with what became of each file; 400 when any was refused.</summary>
    private ViewResult Page(IReadOnlyList<UploadOutcome> outcomes)
    {
        Response.StatusCode = outcomes.All(o => o.Accepted) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return View(nameof(Index), new UploadViewModel(options.Value.MaxFileMb, outcomes));
    }

    /// <summary>What became of a file or address, in the user's language.</summary>
    private UploadOutcome Describe(UploadResult result) => result switch
    {
        { Intake: { IsDuplicate: true } intake } => new UploadOutcome(result.Name, true, text.Format("Upload.Duplicate", result.Name), intake.Job.Id),
        { Intake: { } intake } => new UploadOutcome(result.Name, true, text.Format("Upload.Queued", result.Name, intake.Job.Id), intake.Job.Id),
        { Refusal: { } refusal } => new UploadOutcome(
            result.Name, false, text.Format("Upload.Refused", result.Name, text.Format("Intake." + refusal.Error, options.Value.MaxFileMb, refusal.Message)), null),
        _ => throw new UnreachableException("An upload is either taken in or refused."),
    };
}
