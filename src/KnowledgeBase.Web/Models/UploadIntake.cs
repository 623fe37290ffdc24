using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Web.Accounts;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// Hands uploaded files and addresses to intake, for the upload page and the API alike: each becomes a job or a
/// refusal with its reason, never an exception. The caller's upload rate and storage quota
/// (<see cref="UploadLimits"/>) are applied here, the one place every file and address of a user passes. Thread-safe.
/// </summary>
public sealed class UploadIntake(IntakeService intake, UrlImporter importer, UploadLimits limits, DocumentStore documents, JobStore jobs)
{
    /// <summary>What the catalog records as the source of an uploaded file.</summary>
    public const string Source = "upload";

    /// <summary>The reason a duplicate of something the caller may not see is given, naming nothing.</summary>
    public const string HiddenDuplicateReason = "Same content as a document already stored.";

    public async Task<UploadResult> AddFileAsync(IFormFile file, IntakeMetadata metadata, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return HideWhatIsNotSeen(await limits.RunAsync(caller, file.FileName, async allowance =>
        {
            IntakeService.CheckAllowance(file.Length, allowance);
            await using var stream = file.OpenReadStream();
            return await intake.AddAsync(stream, file.FileName, Source, metadata, allowance, cancellationToken);
        }, cancellationToken), caller);
    }

    /// <summary>A web article or a PDF by address (http/https only; intake refuses anything else).</summary>
    public async Task<UploadResult> ImportUrlAsync(string url, IntakeMetadata metadata, Caller caller, CancellationToken cancellationToken) =>
        HideWhatIsNotSeen(await limits.RunAsync(caller, url, allowance => importer.ImportAsync(url, metadata, allowance, cancellationToken), cancellationToken), caller);

    /// <summary>
    /// A file whose bytes are those of a document (or a queued job) the caller may not see — another user's private
    /// document — is still a duplicate (one document per content), but the answer does not name it: intake's reason
    /// gives its title, id or file name, which the caller would otherwise learn by uploading the same bytes.
    /// </summary>
    private UploadResult HideWhatIsNotSeen(UploadResult result, Caller caller)
    {
        if (result.Intake is not { IsDuplicate: true, Job: var job })
        {
            return result;
        }

        var seen = job.DocumentId is { } id
            ? documents.GetVisible(id, caller.Audience) is not null
            : jobs.FindActiveByHash(job.ContentHash) is not { } active || jobs.Get(active.Id, caller.Audience) is not null;
        return seen ? result : result with { Intake = new IntakeResult(job with { DocumentId = null, Reason = HiddenDuplicateReason }) };
    }
}
