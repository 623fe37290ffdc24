using KnowledgeBase.Ingestion.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// Sign-in and what each role may do: a cookie (the login page) and bearer tokens, a policy scheme choosing
/// between them by the Authorization header; the editor and admin policies; without anonymous reading, every
/// route but the login page needs a sign-in. Pages answer a missing right with a redirect to /login, the API
/// with 401 or 403.
/// </summary>
public static class AuthServiceCollectionExtensions
{
    public const string PolicySchemeName = "kb";

    public static IServiceCollection AddKnowledgeBaseAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddHttpContextAccessor();
        services.AddScoped<Caller>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<UploadRate>();
        services.AddSingleton<UploadLimits>();
        services.AddAuthentication(PolicySchemeName)
            .AddPolicyScheme(PolicySchemeName, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                BearerTokenHandler.HasToken(context.Request) ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "kb.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = Revalidate;
            });
        services.AddAuthorization(o =>
        {
            o.AddPolicy(AccountPrincipal.EditorPolicy, p => p.RequireRole(UserRoles.Editor, UserRoles.Admin));
            o.AddPolicy(AccountPrincipal.AdminPolicy, p => p.RequireRole(UserRoles.Admin));
            if (!options.AnonymousRead)
            {
                o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });
        services.Configure<MvcOptions>(o => o.Filters.Add<ApiAntiforgeryFilter>());
        return services;
    }

    /// <summary>The API answers with a status; pages go to the login page, coming back afterwards.</summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A removed account signs out at once, so does every sign-in made before its password changed (another browser,
    /// a stolen cookie), and a changed role applies at the next request.
    /// </summary>
    private static Task Revalidate(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        if (context.Principal?.Identity?.Name is not { } name || accounts.Get(name) is not { } account
            || !string.Equals(context.Principal.FindFirst(AccountPrincipal.StampClaim)?.Value, AccountPrincipal.Stamp(account), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            return Task.CompletedTask;
        }

        if (!context.Principal.IsInRole(UserRoles.Name(account.Role)))
        {
            context.ReplacePrincipal(AccountPrincipal.Create(account, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }

        return Task.CompletedTask;
    }
}
