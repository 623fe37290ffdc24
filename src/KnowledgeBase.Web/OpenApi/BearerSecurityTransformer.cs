using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnowledgeBase.Web.OpenApi;

/// <summary>
/// Declares the <c>Bearer</c> security scheme (API tokens: <c>Authorization: Bearer &lt;token&gt;</c>) and, on each
/// operation whose endpoint requires authorization (<see cref="IAuthorizeData"/> without
/// <see cref="IAllowAnonymous"/>), the requirement of it, with the roles named in the description: the document
/// describes each route's auth from the same attributes that enforce it.
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            In = ParameterLocation.Header,
            Description = "An API token (kb tokens create NAME); it acts as its user, with that user's role.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        var roles = authorize.Select(a => a.Roles).Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        var requires = roles.Count == 0 ? "Requires a signed-in user or an API token." : $"Requires the role {string.Join(" and ", roles)}.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? requires : operation.Description + " " + requires;
        var unauthorized = new OpenApiResponse { Description = "Not signed in and no valid token." };
        var forbidden = new OpenApiResponse { Description = "Signed in without the role this route needs." };
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", unauthorized);
        operation.Responses.TryAdd("403", forbidden);
        return Task.CompletedTask;
    }
}
