using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// A state-changing <c>/api</c> call that is not signed with a bearer token must carry the antiforgery token
/// (header <c>RequestVerificationToken</c>): a browser's cookie alone, which another site can make it send, is
/// not enough. Calls with a bearer token are not exposed to that (no browser adds the header by itself).
/// </summary>
public sealed class ApiAntiforgeryFilter(IAntiforgery antiforgery) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || BearerTokenHandler.HasToken(request))
        {
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = new ObjectResult(new ProblemDetails { Status = 400, Title = "Missing antiforgery token", Detail = "Send a bearer token, or the antiforgery token in the RequestVerificationToken header." })
            {
                StatusCode = StatusCodes.Status400BadRequest,
            };
        }
    }
}
