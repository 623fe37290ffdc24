using KnowledgeBase.Core.Search;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// <c>GET /api/suggest?q=&amp;n=</c>: completions while typing (corpus phrases, then titles), and
/// <c>GET /api/passages/{id}/similar?n=</c>: passages like a given one.
/// </summary>
[ApiController]
public sealed class SuggestApiController(ISuggestionService suggestions, ISimilarPassagesService similar, Caller caller) : ControllerBase
{
    [HttpGet("api/suggest")]
    public IReadOnlyList<SuggestionResponse> Suggest(string? q, int n = 8) =>
        [.. suggestions.Suggest(q ?? string.Empty, Math.Clamp(n, 1, 20), caller.Audience).Select(SuggestionResponse.From)];

    [HttpGet("api/passages/{id}/similar")]
    [ProducesResponseType<IReadOnlyList<SearchHitResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public ActionResult<IReadOnlyList<SearchHitResponse>> Similar(string id, int n = 10)
    {
        var hits = similar.FindSimilar(id, Math.Clamp(n, 1, 50), caller.Audience);
        return hits.Count == 0 && !KnowledgeBase.Core.Documents.PassageIds.TryParse(id, out _, out _)
            ? NotFound()
            : hits.Select(SearchHitResponse.From).ToList();
    }
}
