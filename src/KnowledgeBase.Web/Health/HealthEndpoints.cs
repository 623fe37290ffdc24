using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Web.Health;

/// <summary>
/// <c>GET /health</c>: the index is readable, the catalog writable, the worker alive and the data folder's disk
/// not full, as JSON; 200 when healthy (or degraded), 503 when any check fails. Anyone may ask (a load balancer
/// does not sign in), but the errors' own text — exception messages that may name server paths, SQL or the
/// catalog's state — is shown to admins only: everyone else gets each check's status, our own description and
/// its figures.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";

    /// <summary>A check's <c>data</c> key holding an error's text: shown to admins only, as <c>error</c> is.</summary>
    public const string ErrorKey = "error";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IServiceCollection AddKnowledgeBaseHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index")
            .AddCheck<CatalogHealthCheck>("catalog")
            .AddCheck<WorkerHealthCheck>("worker")
            .AddCheck<DiskHealthCheck>("disk");
        return services;
    }

    public static IEndpointConventionBuilder MapKnowledgeBaseHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).DisableHttpMetrics();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var detailed = context.RequestServices.GetRequiredService<Caller>().IsAdmin;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = Name(report.Status),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = Name(e.Value.Status),
                    description = e.Value.Description,
                    error = detailed ? e.Value.Exception?.Message : null,
                    data = Data(e.Value.Data, detailed),
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private static IReadOnlyDictionary<string, object>? Data(IReadOnlyDictionary<string, object> data, bool detailed)
    {
        var shown = detailed ? data : data.Where(d => d.Key != ErrorKey).ToDictionary(d => d.Key, d => d.Value);
        return shown.Count == 0 ? null : shown;
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
