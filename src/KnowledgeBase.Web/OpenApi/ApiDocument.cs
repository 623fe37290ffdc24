using Microsoft.OpenApi;

namespace KnowledgeBase.Web.OpenApi;

/// <summary>
/// The OpenAPI document of the JSON API, served at <c>/openapi/v1.json</c> by ASP.NET Core's built-in generator:
/// every route under <c>/api</c> (pages are not API), with its parameters, bodies and response types, and the
/// Bearer scheme with which scripts authenticate (<see cref="BearerSecurityTransformer"/>).
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

    /// <summary>Where the document is served.</summary>
    public const string Path = "/openapi/v1.json";

    public static IServiceCollection AddKnowledgeBaseOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => IsApiRoute(description.RelativePath);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "KnowledgeBase API",
                    Version = Name,
                    Description = "Search, documents and ingestion jobs of the Vietnamese document knowledge base, as JSON. Errors are problem details (RFC 9457).",
                };
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
        });

    public static IEndpointConventionBuilder MapKnowledgeBaseOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi("/openapi/{documentName}.json");

    /// <summary>Whether a route template (<c>api/jobs/{id:long}</c>, with or without its leading slash) belongs to the API.</summary>
    public static bool IsApiRoute(string? template) =>
        template is not null && (template.TrimStart('/') + "/").StartsWith("api/", StringComparison.OrdinalIgnoreCase);
}
