using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;

namespace KnowledgeBase.Web.Models;

/// <summary>Puts a failed job back in the queue and wakes the worker, for the jobs page and the API alike. Thread-safe.</summary>
public sealed class JobRetry(JobStore jobStore, JobSignal signal)
{
    /// <summary>False when there is no such job or it has not failed (only failed jobs are retried).</summary>
    public bool Retry(long id)
    {
        if (!jobStore.Retry(id))
        {
            return false;
        }

        signal.Notify();
        return true;
    }
}
