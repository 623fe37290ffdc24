using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Web.Accounts;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// Hands uploaded files and addresses to intake, for the upload page and the API alike: each becomes a job or a
/// refusal with its reason, never an exception. The caller's upload rate and storage quota
/// (<see cref="UploadLimits"/>) are applied here, the one place every file and address of a user passes. Thread-safe.
/// </summary>
public sealed class UploadIntake(IntakeService intake, UrlImporter importer, UploadLimits limits)
{
    /// <summary>What the catalog records as the source of an uploaded file.</summary>
    public const string Source = "upload";

    public Task<UploadResult> AddFileAsync(IFormFile file, IntakeMetadata metadata, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return limits.RunAsync(caller, file.FileName, async allowance =>
        {
            IntakeService.CheckAllowance(file.Length, allowance);
            await using var stream = file.OpenReadStream();
            return await intake.AddAsync(stream, file.FileName, Source, metadata, allowance, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A web article or a PDF by address (http/https only; intake refuses anything else).</summary>
    public Task<UploadResult> ImportUrlAsync(string url, IntakeMetadata metadata, Caller caller, CancellationToken cancellationToken) =>
        limits.RunAsync(caller, url, allowance => importer.ImportAsync(url, metadata, allowance, cancellationToken), cancellationToken);
}
