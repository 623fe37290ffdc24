using System.Security.Claims;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Accounts;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// Who is calling, built from the request's <see cref="ClaimsPrincipal"/> in this one place: their name, role, the
/// <see cref="Core.Search.Audience"/> every read is filtered by, and whether they may change a given document.
/// Scoped to the request.
/// </summary>
public sealed class Caller
{
    public Caller(IHttpContextAccessor context, IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var user = context.HttpContext?.User;
        Name = user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
        Role = Name is not null && UserRoles.TryParse(user!.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
        Audience = Role switch
        {
            UserRole.Admin => Audience.Everyone,
            not null => Audience.User(Name!),
            null => Audience.Anonymous(options.Value.AnonymousRead),
        };
        Address = context.HttpContext?.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>The account's name; null when not signed in.</summary>
    public string? Name { get; }

    /// <summary>The account's role; null when not signed in.</summary>
    public UserRole? Role { get; }

    public bool IsAdmin => Role == UserRole.Admin;

    /// <summary>What this caller may read: the filter of every search and list.</summary>
    public Audience Audience { get; }

    /// <summary>The caller's network address, for the audit trail.</summary>
    public string? Address { get; }

    /// <summary>Admins change any document, editors those they added, readers none.</summary>
    public bool MayChange(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return IsAdmin || (Role == UserRole.Editor && string.Equals(document.AddedBy, Name, StringComparison.Ordinal));
    }
}
