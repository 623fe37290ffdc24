using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The search page at <c>/</c>: a box, ranked passages, paging, a clear empty state.</summary>
public sealed class SearchController(ISearchService search, DocumentStore documentStore, UiText text, Caller caller) : Controller
{
    [HttpGet("/")]
    public IActionResult Index()
    {
        var parameters = SearchParameters.Parse(Request.Query);
        var model = new SearchViewModel { Parameters = parameters };
        if (!model.HasQuery)
        {
            // The welcome page says how many documents there are; a results page does not.
            return View(model with { DocumentCount = documentStore.Count(caller.Audience) });
        }

        try
        {
            var results = search.Search(parameters.ToRequest() with { Audience = caller.Audience });
            var documents = documentStore.GetMany(results.Hits.Select(h => h.DocumentId));
            return View(model with { Results = results, Documents = documents });
        }
        catch (QuerySyntaxException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model with { Error = QueryErrors.Describe(e, text) });
        }
    }

    [HttpGet("/lang/{culture}")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    public IActionResult Language(string culture, string? returnUrl)
    {
        var supported = WebApplicationExtensions.Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture);
        if (supported is not null)
        {
            Response.Cookies.Append(
                Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new Microsoft.AspNetCore.Localization.RequestCulture(supported)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    [Route("/error")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error()
    {
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? string.Empty;
        if (original.StartsWith("/api/", StringComparison.Ordinal))
        {
            return Problem(title: "Unexpected error", statusCode: StatusCodes.Status500InternalServerError);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View();
    }
}
