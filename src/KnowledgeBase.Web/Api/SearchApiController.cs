using KnowledgeBase.Core.Search;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary><c>GET /api/search?q=&amp;page=&amp;size=</c>: ranked passages as JSON; a bad query is a 400 problem.</summary>
[ApiController]
[Route("api/search")]
public sealed class SearchApiController(ISearchService search, Caller caller) : ControllerBase
{
    [HttpGet("")]
    [ProducesResponseType<SearchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<SearchResponse> Get(string? q, int page = 1, int size = 10, string? document = null, bool grouped = false, bool facets = false)
    {
        if (size is < 1 or > SearchRequest.MaxPageSize || page is < 1 or > SearchRequest.MaxPage)
        {
            return Problem(statusCode: 400, title: "Invalid paging", detail: $"page must be between 1 and {SearchRequest.MaxPage} and size between 1 and {SearchRequest.MaxPageSize}.");
        }

        try
        {
            var parameters = Models.SearchParameters.Parse(Request.Query);
            var request = parameters.ToRequest() with
            {
                Query = q ?? string.Empty,
                Page = page,
                PageSize = size,
                DocumentId = document,
                GroupByDocument = grouped,
                IncludeFacets = facets,
                SuggestCorrection = true,
                Audience = caller.Audience,
            };
            var results = search.Search(request);
            return SearchResponse.From(results);
        }
        catch (QuerySyntaxException e)
        {
            var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, 400, "Malformed query", detail: e.Message);
            problem.Extensions["code"] = ApiCodes.Of(e.Code);
            return BadRequest(problem);
        }
    }
}
