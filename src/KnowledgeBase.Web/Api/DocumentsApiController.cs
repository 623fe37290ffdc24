using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>Documents as JSON: list, details (with pages and their quality), the original, upload, delete, re-ingest.</summary>
[ApiController]
[Route("api/documents")]
public sealed class DocumentsApiController(DocumentStore documentStore, JobStore jobStore, OriginalFiles originals, DocumentService documents, UploadIntake uploads, Caller caller, AuditTrail audit) : ControllerBase
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

        return new DocumentListResponse(documentStore.Count(caller.Audience), offset, limit, [.. documentStore.List(caller.Audience, offset, limit).Select(DocumentResponse.From)]);
    }

    [HttpGet("{id}")]
    [ProducesResponseType<DocumentDetailsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public ActionResult<DocumentDetailsResponse> Get(string id) =>
        DocumentDetails.Load(id, documentStore, jobStore, documents, caller.Audience) is { } details ? DocumentDetailsResponse.From(details) : NotFound();

    [HttpGet("{id}/file")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "application/octet-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public IActionResult File(string id) => originals.Serve(Response, id, caller.Audience);

    /// <summary>Upload one or more files (multipart field <c>files</c>) with optional title, tags, collection, visibility.</summary>
    [HttpPost("")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ProducesResponseType<IReadOnlyList<UploadResponse>>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<IReadOnlyList<UploadResponse>>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<IReadOnlyList<UploadResponse>>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<IReadOnlyList<UploadResponse>>(StatusCodes.Status429TooManyRequests)]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    public async Task<ActionResult<IReadOnlyList<UploadResponse>>> Upload([FromForm] UploadForm form, [FromForm] List<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (files is null || files.Count == 0)
        {
            return Problem(statusCode: 400, title: "No file", detail: "Send the files as multipart/form-data in the field 'files'.");
        }

        var results = new List<UploadResult>();
        foreach (var file in files)
        {
            results.Add(audit.Record(AuditActions.Upload, await uploads.AddFileAsync(file, form.ToMetadata(caller.Name), caller, cancellationToken)));
        }

        var responses = results.Select(UploadResponse.From).ToList();
        return responses.Any(r => r.Accepted) ? Accepted(responses) : StatusCode(UploadRefusals.Status(results, Response), responses);
    }

    /// <summary>Import a web article or PDF by address: <c>{"url", "title"?, "tags"?, "collection"?, "visibility"?}</c>.</summary>
    [HttpPost("url")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ProducesResponseType<UploadResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<UploadResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<UploadResponse>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<UploadResponse>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<UploadResponse>> ImportUrl([FromBody] UrlImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new UploadForm { Title = request.Title, Tags = request.Tags, Collection = request.Collection, Visibility = request.Visibility };
        var result = audit.Record(AuditActions.ImportUrl, await uploads.ImportUrlAsync(request.Url, form.ToMetadata(caller.Name), caller, cancellationToken));
        var response = UploadResponse.From(result);

        // An accepted address is answered under the file name it was stored as.
        return response.Job is { } job ? Accepted(response with { FileName = job.FileName }) : StatusCode(UploadRefusals.Status([result], Response), response);
    }

    /// <summary>Edit title, author, date, tags, collection or visibility; fields left out stay as they are.</summary>
    [HttpPatch("{id}")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ProducesResponseType<DocumentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<DocumentResponse>> Patch(string id, [FromBody] MetadataForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (this.Refuse(documentStore, caller, id) is { } refused)
        {
            return refused;
        }

        if (await documents.UpdateMetadataAsync(id, form.ApplyTo, cancellationToken) is not { } updated)
        {
            return NotFound();
        }

        audit.Record(AuditActions.Edit, id);
        return DocumentResponse.From(updated);
    }

    [HttpDelete("{id}")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        if (this.Refuse(documentStore, caller, id) is { } refused)
        {
            return refused;
        }

        if (!await documents.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        audit.Record(AuditActions.Delete, id);
        return NoContent();
    }

    [HttpPost("{id}/reingest")]
    [Authorize(Policy = AccountPrincipal.EditorPolicy)]
    [ProducesResponseType<JobResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public ActionResult<JobResponse> Reingest(string id)
    {
        if (this.Refuse(documentStore, caller, id) is { } refused)
        {
            return refused;
        }

        if (documents.Reingest(id, caller.Name) is not { } job)
        {
            return NotFound();
        }

        audit.Record(AuditActions.Reingest, id, $"job {job.Id}");
        return Accepted(JobResponse.From(job));
    }
}
