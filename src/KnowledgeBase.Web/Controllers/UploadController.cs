using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The upload page: several files at once with title, tags, collection and visibility.</summary>
[Route("upload")]
public sealed class UploadController(IntakeService intake, IOptions<IngestionOptions> options, UiText text) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new UploadViewModel(options.Value.MaxFileMb, []));

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
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
                outcomes.Add(await UploadOneAsync(intake, text, file, form, User.Identity?.Name, cancellationToken));
            }
        }

        Response.StatusCode = outcomes.All(o => o.Accepted) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return View(new UploadViewModel(options.Value.MaxFileMb, outcomes));
    }

    /// <summary>Why intake refused a file, in the user's language.</summary>
    internal static string DescribeRefusal(UiText text, IntakeException exception, long maxBytes) =>
        text.Format("Intake." + exception.Error, maxBytes / (1024 * 1024), exception.Message);

    internal static async Task<UploadOutcome> UploadOneAsync(IntakeService intake, UiText text, IFormFile file, UploadForm form, string? user, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = file.OpenReadStream();
            var result = await intake.AddAsync(stream, file.FileName, "upload", form.ToMetadata(user), cancellationToken);
            return result.IsDuplicate
                ? new UploadOutcome(file.FileName, true, text.Format("Upload.Duplicate", file.FileName), result.Job.Id)
                : new UploadOutcome(file.FileName, true, text.Format("Upload.Queued", file.FileName, result.Job.Id), result.Job.Id);
        }
        catch (IntakeException e)
        {
            return new UploadOutcome(file.FileName, false, text.Format("Upload.Refused", file.FileName, DescribeRefusal(text, e, intake.MaxBytes)), null);
        }
    }
}
