using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Storage;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>Documents as JSON: list, details (with pages and their quality), the original, upload, delete, re-ingest.</summary>
[ApiController]
[Route("api/documents")]
public sealed class DocumentsApiController(CatalogStore catalog, OriginalFiles originals, DocumentService documents, IntakeService intake, UrlImporter importer) : ControllerBase
{
    [HttpGet("")]
    public ActionResult<DocumentListResponse> List(int offset = 0, int limit = 100)
    {
        if (offset < 0 || limit is < 1 or > 1000)
        {
            return Problem(statusCode: 400, title: "Invalid paging", detail: "offset must be ≥ 0 and limit between 1 and 1000.");
        }

        return new DocumentListResponse(catalog.CountDocuments(), offset, limit, [.. catalog.ListDocuments(offset, limit).Select(DocumentResponse.From)]);
    }

    [HttpGet("{id}")]
    public ActionResult<DocumentDetailsResponse> Get(string id)
    {
        if (!DocumentIds.IsValidId(id) || catalog.GetDocument(id) is not { } document)
        {
            return NotFound();
        }

        var pages = catalog.GetPages(id)
            .Select(p => new PageResponse(p.Number, p.Method, p.Quality, p.Verdict, p.Text.Length))
            .ToList();
        return new DocumentDetailsResponse(
            DocumentResponse.From(document),
            DocumentLinks.File(id),
            documents.GetPassages(id).Count,
            pages,
            catalog.GetWarnings(id),
            [.. catalog.ListJobsForDocument(id).Select(JobResponse.From)]);
    }

    [HttpGet("{id}/file")]
    public IActionResult File(string id) => originals.Serve(Response, id);

    /// <summary>Upload one or more files (multipart field <c>files</c>) with optional title, tags, collection, visibility.</summary>
    [HttpPost("")]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    public async Task<ActionResult<IReadOnlyList<UploadResponse>>> Upload([FromForm] UploadForm form, [FromForm] List<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (files is null || files.Count == 0)
        {
            return Problem(statusCode: 400, title: "No file", detail: "Send the files as multipart/form-data in the field 'files'.");
        }

        var responses = new List<UploadResponse>();
        foreach (var file in files)
        {
            try
            {
                await using var stream = file.OpenReadStream();
                var result = await intake.AddAsync(stream, file.FileName, "upload", form.ToMetadata(User.Identity?.Name), cancellationToken);
                responses.Add(new UploadResponse(file.FileName, true, JobResponse.From(result.Job), null, null));
            }
            catch (IntakeException e)
            {
                responses.Add(new UploadResponse(file.FileName, false, null, JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Error.ToString()), e.Message));
            }
        }

        return responses.Any(r => r.Accepted) ? Accepted(responses) : BadRequest(responses);
    }

    /// <summary>Import a web article or PDF by address: <c>{"url", "title"?, "tags"?, "collection"?, "visibility"?}</c>.</summary>
    [HttpPost("url")]
    public async Task<ActionResult<UploadResponse>> ImportUrl([FromBody] UrlImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var form = new UploadForm { Title = request.Title, Tags = request.Tags, Collection = request.Collection, Visibility = request.Visibility };
            var result = await importer.ImportAsync(request.Url, form.ToMetadata(User.Identity?.Name), cancellationToken);
            return Accepted(new UploadResponse(result.Job.FileName, true, JobResponse.From(result.Job), null, null));
        }
        catch (IntakeException e)
        {
            return BadRequest(new UploadResponse(request.Url, false, null, JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Error.ToString()), e.Message));
        }
    }

    /// <summary>Edit title, author, date, tags, collection or visibility; fields left out stay as they are.</summary>
    [HttpPatch("{id}")]
    public async Task<ActionResult<DocumentResponse>> Patch(string id, [FromBody] MetadataForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return DocumentIds.IsValidId(id) && await documents.UpdateMetadataAsync(id, form.ApplyTo, cancellationToken) is { } updated
            ? DocumentResponse.From(updated)
            : NotFound();
    }

    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken) =>
        DocumentIds.IsValidId(id) && await documents.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();

    [HttpPost("{id}/reingest")]
    public ActionResult<JobResponse> Reingest(string id) =>
        DocumentIds.IsValidId(id) && documents.Reingest(id, User.Identity?.Name) is { } job ? Accepted(JobResponse.From(job)) : NotFound();
}
