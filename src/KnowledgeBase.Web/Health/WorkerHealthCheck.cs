using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Health;

/// <summary>
/// The ingestion worker beats within <see cref="HealthOptions.WorkerTimeout"/>. A host configured without the
/// worker (<c>Ingestion:RunWorker=false</c>) is degraded, not unhealthy: it serves, but nothing is ingested.
/// </summary>
public sealed class WorkerHealthCheck(WorkerHeartbeat heartbeat, IOptions<IngestionOptions> ingestion, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["running"] = heartbeat.IsRunning };
        if (heartbeat.LastBeat is { } beat)
        {
            data["lastBeat"] = beat;
        }

        var result = !ingestion.Value.RunWorker
            ? HealthCheckResult.Degraded("This host does not run the ingestion worker (Ingestion:RunWorker is false).", data: data)
            : heartbeat.IsAlive(options.Value.WorkerTimeout)
                ? HealthCheckResult.Healthy("The ingestion worker is alive.", data)
                : HealthCheckResult.Unhealthy(heartbeat.IsRunning ? "The ingestion worker has not beaten in time." : "The ingestion worker is not running.", data: data);
        return Task.FromResult(result);
    }
}
