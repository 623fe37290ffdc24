using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Web.Health;

/// <summary>The passage index answers a read: a searcher is acquired and counts its passages.</summary>
public sealed class IndexHealthCheck(LuceneIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var passages = index.PassageCount;
            var data = new Dictionary<string, object> { ["passages"] = passages, ["outdated"] = index.IsOutdated };
            return Task.FromResult(HealthCheckResult.Healthy("The index is readable.", data));
        }
#pragma warning disable CA1031 // Any failure to read is what this check reports.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The index cannot be read.", e));
        }
    }
}
