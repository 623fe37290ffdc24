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
public sealed class UploadController(UploadIntake uploads, IOptions<IngestionOptions> options, UiText text, Caller caller, AuditTrail audit, IOptions<AuthOptions> auth) : Controller
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
        if (files is null || files.Count == 0)
        {
            return Page([new UploadOutcome(string.Empty, false, text["Upload.NoFile"], null)]);
        }

        var results = new List<UploadResult>();
        foreach (var file in files)
        {
            results.Add(audit.Record(AuditActions.Upload, await uploads.AddFileAsync(file, form.ToMetadata(caller.Name), caller, cancellationToken)));
        }

        return Answer(results);
    }

    /// <summary>A web article or a PDF by address.</summary>
    [HttpPost("url")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Import([FromForm] string? url, [FromForm] UploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Answer([audit.Record(AuditActions.ImportUrl, await uploads.ImportUrlAsync(url ?? string.Empty, form.ToMetadata(caller.Name), caller, cancellationToken))]);
    }

    /// <summary>The page with what became of each file: 429 (with <c>Retry-After</c>) or 413 when the rate or quota refused one.</summary>
    private ViewResult Answer(IReadOnlyList<UploadResult> results)
    {
        var page = Page([.. results.Select(Describe)]);
        if (results.Any(r => r.Refusal is not null))
        {
            Response.StatusCode = UploadRefusals.Status(results, Response);
        }

        return page;
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
            result.Name, false, text.Format("Upload.Refused", result.Name, text.Format("Intake." + refusal.Error, options.Value.MaxFileMb, refusal.Message, auth.Value.UploadsPerHour, auth.Value.StorageQuotaMb, Math.Ceiling(result.RetryAfter?.TotalMinutes ?? 0))), null),
        _ => throw new UnreachableException("An upload is either taken in or refused."),
    };
}
