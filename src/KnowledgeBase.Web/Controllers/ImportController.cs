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
public sealed class ImportController : Controller
{
    private readonly UrlImporter _importer;
    private readonly IntakeService _intake;
    private readonly IOptions<IngestionOptions> _options;
    private readonly UiText _text;

    public ImportController(UrlImporter importer, IntakeService intake, IOptions<IngestionOptions> options, UiText text)
    {
        _importer = importer;
        _intake = intake;
        _options = options;
        _text = text;
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Import([FromForm] string? url, [FromForm] UploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        UploadOutcome outcome;
        try
        {
            var result = await _importer.ImportAsync(url ?? string.Empty, form.ToMetadata(User.Identity?.Name), cancellationToken);
            outcome = result.IsDuplicate
                ? new UploadOutcome(url!, true, _text.Format("Upload.Duplicate", url), result.Job.Id)
                : new UploadOutcome(url!, true, _text.Format("Upload.Queued", url, result.Job.Id), result.Job.Id);
        }
        catch (IntakeException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            outcome = new UploadOutcome(url ?? string.Empty, false, _text.Format("Upload.Refused", url, UploadController.DescribeRefusal(_text, e, _intake.MaxBytes)), null);
        }

        return View("~/Views/Upload/Index.cshtml", new UploadViewModel(_options.Value.MaxFileMb, [outcome]));
    }
}
