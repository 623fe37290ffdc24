using KnowledgeBase.Core.Documents;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>Documents as JSON: list, details (with pages and their quality), the original, upload, delete, re-ingest.</summary>
[ApiController]
[Route("api/documents")]
public sealed class DocumentsApiController(DocumentStore documentStore, JobStore jobStore, OriginalFiles originals, DocumentService documents, UploadIntake uploads) : ControllerBase
{
    [HttpGet("")]
    [ProducesResponseType<DocumentListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<DocumentListResponse> List(int offset = 0, int limit = 100)
    {
        if (ListPaging.Refuse(this, offset, limit) is { } refused)
        {
            return refused;
        }

        return new DocumentListResponse(documentStore.Count(), offset, limit, [.. documentStore.List(offset, limit).Select(DocumentResponse.From)]);
    }

    [HttpGet("{id}")]
    [ProducesResponseType<DocumentDetailsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public ActionResult<DocumentDetailsResponse> Get(string id) =>
        DocumentDetails.Load(id, documentStore, jobStore, documents) is { } details ? DocumentDetailsResponse.From(details) : NotFound();

    [HttpGet("{id}/file")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "application/octet-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public IActionResult File(string id) => originals.Serve(Response, id);

    /// <summary>Upload one or more files (multipart field <c>files</c>) with optional title, tags, collection, visibility.</summary>
    [HttpPost("")]
    [ProducesResponseType<IReadOnlyList<UploadResponse>>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<IReadOnlyList<UploadResponse>>(StatusCodes.Status400BadRequest)]
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
            responses.Add(UploadResponse.From(await uploads.AddFileAsync(file, form.ToMetadata(User.Identity?.Name), cancellationToken)));
        }

        return responses.Any(r => r.Accepted) ? Accepted(responses) : BadRequest(responses);
    }

    /// <summary>Import a web article or PDF by address: <c>{"url", "title"?, "tags"?, "collection"?, "visibility"?}</c>.</summary>
    [HttpPost("url")]
    [ProducesResponseType<UploadResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<UploadResponse>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<UploadResponse>> ImportUrl([FromBody] UrlImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new UploadForm { Title = request.Title, Tags = request.Tags, Collection = request.Collection, Visibility = request.Visibility };
        var response = UploadResponse.From(await uploads.ImportUrlAsync(request.Url, form.ToMetadata(User.Identity?.Name), cancellationToken));

        // An accepted address is answered under the file name it was stored as.
        return response.Job is { } job ? Accepted(response with { FileName = job.FileName }) : BadRequest(response);
    }

    /// <summary>Edit title, author, date, tags, collection or visibility; fields left out stay as they are.</summary>
    [HttpPatch("{id}")]
    [ProducesResponseType<DocumentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<DocumentResponse>> Patch(string id, [FromBody] MetadataForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return DocumentIds.IsValidId(id) && await documents.UpdateMetadataAsync(id, form.ApplyTo, cancellationToken) is { } updated
            ? DocumentResponse.From(updated)
            : NotFound();
    }

    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken) =>
        DocumentIds.IsValidId(id) && await documents.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();

    [HttpPost("{id}/reingest")]
    [ProducesResponseType<JobResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public ActionResult<JobResponse> Reingest(string id) =>
        DocumentIds.IsValidId(id) && documents.Reingest(id, User.Identity?.Name) is { } job ? Accepted(JobResponse.From(job)) : NotFound();
}
