using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeBase.Web.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Operations;

/// <summary><c>/openapi/v1.json</c> lists every <c>/api</c> endpoint the app maps, with its response types.</summary>
public sealed partial class OpenApiDocumentTests : IClassFixture<EmptyAppFactory>
{
    private readonly EmptyAppFactory _factory;

    public OpenApiDocumentTests(EmptyAppFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task Document_ListsEveryApiEndpointWithItsMethod()
    {
        var document = await GetDocumentAsync();
        var paths = document.GetProperty("paths");
        var endpoints = ApiEndpoints();

        Assert.True(endpoints.Count >= 12, $"Only {endpoints.Count} API endpoints found: the enumeration is wrong.");
        var missing = endpoints
            .Where(e => !paths.TryGetProperty(e.Path, out var item) || !item.TryGetProperty(e.Method.ToLowerInvariant(), out _))
            .Select(e => $"{e.Method} {e.Path}")
            .ToList();
        Assert.True(missing.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", missing));

        // And nothing but the API: pages are not described.
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryOperation_HasASuccessResponse_AndJsonBodiesHaveASchema()
    {
        var document = await GetDocumentAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(responses.Any(r => r.Name.StartsWith('2')), where + " has no success response");
                foreach (var response in responses.Where(r => r.Value.TryGetProperty("content", out _)))
                {
                    foreach (var media in response.Value.GetProperty("content").EnumerateObject())
                    {
                        Assert.True(media.Value.TryGetProperty("schema", out _), $"{where} {response.Name} {media.Name} has no schema");
                    }
                }
            }
        }

        var search = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("responses");
        Assert.Contains("SearchResponse", search.GetProperty("200").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ProblemDetails", search.GetProperty("400").GetRawText(), StringComparison.Ordinal);
        var delete = document.GetProperty("paths").GetProperty("/api/documents/{id}").GetProperty("delete").GetProperty("responses");
        Assert.True(delete.TryGetProperty("204", out _));
        Assert.True(delete.TryGetProperty("404", out _));
    }

    [Fact]
    public async Task Document_DeclaresTheBearerScheme()
    {
        var document = await GetDocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(BearerSecurityTransformer.SchemeName);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("KnowledgeBase API", document.GetProperty("info").GetProperty("title").GetString());
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri(ApiDocument.Path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every (method, path) the app routes under /api, path parameters without their constraints.</summary>
    private List<(string Method, string Path)> ApiEndpoints()
    {
        _ = _factory.Server;
        return
        [
            .. _factory.Services.GetServices<EndpointDataSource>()
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Where(e => ApiDocument.IsApiRoute(e.RoutePattern.RawText))
                .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Select(method => (method, "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}"))))
                .Distinct(),
        ];
    }

    [GeneratedRegex(@"\{([A-Za-z_]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();
}
