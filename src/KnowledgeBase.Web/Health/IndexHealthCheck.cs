using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Web.Health;

/// <summary>
/// The passage index answers a read: a searcher is acquired and counts its passages. The count itself is not
/// reported: <c>/health</c> is anonymous and the count includes private documents, which only an
/// <c>Audience</c>-filtered read may reveal. Degraded (still 200) while the index is rebuilt on start: searches
/// answer, from the index as it was before the rebuild.
/// </summary>
public sealed class IndexHealthCheck(LuceneIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = index.PassageCount;
            var data = new Dictionary<string, object> { ["outdated"] = index.IsOutdated, ["rebuilding"] = index.IsRebuilding };
            return Task.FromResult(index.IsRebuilding
                ? HealthCheckResult.Degraded("The index is being rebuilt from the catalog (or waits for the rebuild to be tried again: see the worker check); searches answer from the previous index until the rebuild is committed.", data: data)
                : HealthCheckResult.Healthy("The index is readable.", data));
        }
#pragma warning disable CA1031 // Any failure to read is what this check reports.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The index cannot be read.", e));
        }
    }
}
