using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Accounts;

namespace KnowledgeBase.Web.Models;

/// <summary>What became of a retry.</summary>
public enum JobRetryOutcome
{
    Retried,

    /// <summary>No such job, or one the caller may not see.</summary>
    Missing,

    /// <summary>The caller sees the job but it is not theirs to retry.</summary>
    Forbidden,

    /// <summary>Only failed jobs are retried.</summary>
    NotFailed,
}

/// <summary>
/// Puts a failed job back in the queue and wakes the worker, for the jobs page and the API alike: admins retry any
/// job, editors the jobs they handed in. Scoped to the request (it acts for its caller).
/// </summary>
public sealed class JobRetry(JobStore jobStore, JobSignal signal, Caller caller, AuditTrail audit)
{
    public JobRetryOutcome Retry(long id)
    {
        if (jobStore.Get(id, caller.Audience) is not { } job)
        {
            return JobRetryOutcome.Missing;
        }

        if (!caller.IsAdmin && !string.Equals(job.Metadata.AddedBy, caller.Name, StringComparison.Ordinal))
        {
            return JobRetryOutcome.Forbidden;
        }

        if (!jobStore.Retry(id))
        {
            return JobRetryOutcome.NotFailed;
        }

        audit.Record(AuditActions.Retry, job.DocumentId, $"job {id}");
        signal.Notify();
        return JobRetryOutcome.Retried;
    }
}
