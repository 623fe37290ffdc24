using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// Hands uploaded files and addresses to intake, for the upload page and the API alike: each becomes a job or a
/// refusal with its reason, never an exception. Thread-safe.
/// </summary>
public sealed class UploadIntake(IntakeService intake, UrlImporter importer)
{
    /// <summary>What the catalog records as the source of an uploaded file.</summary>
    public const string Source = "upload";

    public async Task<UploadResult> AddFileAsync(IFormFile file, IntakeMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            await using var stream = file.OpenReadStream();
            return new UploadResult(file.FileName, await intake.AddAsync(stream, file.FileName, Source, metadata, cancellationToken), null);
        }
        catch (IntakeException e)
        {
            return new UploadResult(file.FileName, null, e);
        }
    }

    /// <summary>A web article or a PDF by address (http/https only; intake refuses anything else).</summary>
    public async Task<UploadResult> ImportUrlAsync(string url, IntakeMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            return new UploadResult(url, await importer.ImportAsync(url, metadata, cancellationToken), null);
        }
        catch (IntakeException e)
        {
            return new UploadResult(url, null, e);
        }
    }
}
