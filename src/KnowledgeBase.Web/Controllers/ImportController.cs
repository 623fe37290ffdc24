using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Controllers;

/// <summary>URL import from the upload page: a web article or a PDF by address.</summary>
[Route("upload/url")]
public sealed class ImportController(UrlImporter importer, IntakeService intake, IOptions<IngestionOptions> options, UiText text) : Controller
{
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Import([FromForm] string? url, [FromForm] UploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        UploadOutcome outcome;
        try
        {
            var result = await importer.ImportAsync(url ?? string.Empty, form.ToMetadata(User.Identity?.Name), cancellationToken);
            outcome = result.IsDuplicate
                ? new UploadOutcome(url!, true, text.Format("Upload.Duplicate", url), result.Job.Id)
                : new UploadOutcome(url!, true, text.Format("Upload.Queued", url, result.Job.Id), result.Job.Id);
        }
        catch (IntakeException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            outcome = new UploadOutcome(url ?? string.Empty, false, text.Format("Upload.Refused", url, UploadController.DescribeRefusal(text, e, intake.MaxBytes)), null);
        }

        return View("~/Views/Upload/Index.cshtml", new UploadViewModel(options.Value.MaxFileMb, [outcome]));
    }
}
