using KnowledgeBase.Ingestion.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Health;

/// <summary>The catalog takes a committed write within <see cref="HealthOptions.CatalogTimeout"/>.</summary>
public sealed class CatalogHealthCheck(CatalogDatabase catalog, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // SQLite waits synchronously for a busy writer; keep that off the request thread.
            await Task.Run(() => catalog.ProbeWrite(options.Value.CatalogTimeout), cancellationToken);
            return HealthCheckResult.Healthy("The catalog is writable.");
        }
#pragma warning disable CA1031 // Any failure to write (busy, read-only, full disk) is what this check reports.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The catalog cannot be written.", e);
        }
    }
}
