using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Health;

/// <summary>
/// The ingestion worker beats within <see cref="HealthOptions.WorkerTimeout"/>. A host configured without the
/// worker (<c>Ingestion:RunWorker=false</c>) is degraded, not unhealthy: it serves, but nothing is ingested.
/// A worker whose start-up index work failed (<see cref="WorkerHeartbeat.StartupFailure"/>: a full disk at the
/// rebuild's commit…) is unhealthy with the reason and the time of the next try: searches answer from the last
/// complete commit, but nothing accepted meanwhile is indexed until that work succeeds. The error's text (it may
/// name server paths) is in <c>data.error</c>, which <see cref="HealthEndpoints"/> shows to admins only.
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

        if (heartbeat.StartupFailure is { } failure)
        {
            data["startup"] = "failed";
            data["step"] = failure.Step;
            data["attempts"] = failure.Attempts;
            data["retryAt"] = failure.RetryAt;
            data[HealthEndpoints.ErrorKey] = failure.Error; // admins only: HealthEndpoints drops it for everyone else
        }

        var result = !ingestion.Value.RunWorker
            ? HealthCheckResult.Degraded("This host does not run the ingestion worker (Ingestion:RunWorker is false).", data: data)
            : heartbeat.IsRunning && heartbeat.StartupFailure is { } failed
                ? HealthCheckResult.Unhealthy(
                    $"The ingestion worker's start-up index work ({failed.Step}) failed {failed.Attempts} time(s). "
                    + $"Tried again at {failed.RetryAt:O}; searches answer from the last complete index, uploads wait in the queue.",
                    data: data)
            : heartbeat.IsAlive(options.Value.WorkerTimeout)
                ? HealthCheckResult.Healthy("The ingestion worker is alive.", data)
                : HealthCheckResult.Unhealthy(heartbeat.IsRunning ? "The ingestion worker has not beaten in time." : "The ingestion worker is not running.", data: data);
        return Task.FromResult(result);
    }
}
