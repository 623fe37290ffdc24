using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Pipeline;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// An ingestion job as the API shows it (the jobs list, one job, an upload's answer, a retry or re-ingest):
/// the catalog's fields under the names they have always had, which <c>kb</c> reads back as a job, and the stable
/// code of its reason (<see cref="FailureReasons"/>: <c>encrypted</c>, <c>timeout</c>…) beside the message.
/// </summary>
public sealed record JobResponse(
    long Id,
    string ContentHash,
    string FileName,
    string Source,
    JobState State,
    DocumentKind Kind,
    JobMetadataResponse Metadata,
    string? DocumentId,
    string? Reason,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NotBefore,
    bool IsFinished,
    string? ReasonCode = null)
{
    public static JobResponse From(JobInfo job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobResponse(
            job.Id,
            job.ContentHash,
            job.FileName,
            job.Source,
            job.State,
            job.Kind,
            JobMetadataResponse.From(job.Metadata),
            job.DocumentId,
            job.Reason,
            job.Attempts,
            job.CreatedAt,
            job.UpdatedAt,
            job.NotBefore,
            job.IsFinished,
            FailureReasons.Code(job.Reason));
    }
}
