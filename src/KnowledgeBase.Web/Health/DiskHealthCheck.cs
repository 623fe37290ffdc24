using KnowledgeBase.Core.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Health;

/// <summary>The disk of the data folder keeps at least <see cref="HealthOptions.MinFreeDiskMb"/> free.</summary>
public sealed class DiskHealthCheck(IOptions<KnowledgeBaseOptions> data, IOptions<HealthOptions> options) : IHealthCheck
{
    private const long Megabyte = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var folder = data.Value.DataDirectory;
            var free = new DriveInfo(folder).AvailableFreeSpace / Megabyte;
            var minimum = options.Value.MinFreeDiskMb;
            var values = new Dictionary<string, object> { ["freeMb"] = free, ["minFreeMb"] = minimum };
            return Task.FromResult(free >= minimum
                ? HealthCheckResult.Healthy("Enough free disk space.", values)
                : HealthCheckResult.Unhealthy($"Only {free} MB free on the data folder's disk; at least {minimum} MB are required.", data: values));
        }
#pragma warning disable CA1031 // A disk that cannot be asked is reported, not thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The data folder's free space cannot be read.", e));
        }
    }
}
