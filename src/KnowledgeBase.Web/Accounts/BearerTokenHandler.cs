using System.Text.Encodings.Web;
using KnowledgeBase.Ingestion.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>: the token is looked up by its hash (<see cref="TokenStore"/>) and acts
/// as its user, with that user's current role. An unknown token fails (401), it does not fall back to anonymous.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Whether the request carries a bearer token (which then decides who it is).</summary>
    public static bool HasToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasToken(Request))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        return Task.FromResult(tokens.Authenticate(token) is { } account
            ? AuthenticateResult.Success(new AuthenticationTicket(AccountPrincipal.Create(account, SchemeName), SchemeName))
            : AuthenticateResult.Fail("Unknown token."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
