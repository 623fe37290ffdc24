using KnowledgeBase.Core.Search;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// <c>GET /api/suggest?q=&amp;n=</c>: completions while typing (corpus phrases, then titles), and
/// <c>GET /api/passages/{id}/similar?n=</c>: passages like a given one.
/// </summary>
[ApiController]
public sealed class SuggestApiController : ControllerBase
{
    private readonly ISuggestionService _suggestions;
    private readonly ISimilarPassagesService _similar;

    public SuggestApiController(ISuggestionService suggestions, ISimilarPassagesService similar)
    {
        _suggestions = suggestions;
        _similar = similar;
    }

    [HttpGet("api/suggest")]
    public IReadOnlyList<Suggestion> Suggest(string? q, int n = 8) =>
        _suggestions.Suggest(q ?? string.Empty, Math.Clamp(n, 1, 20), Audience.Everyone);

    [HttpGet("api/passages/{id}/similar")]
    public ActionResult<IReadOnlyList<SearchHitResponse>> Similar(string id, int n = 10)
    {
        var hits = _similar.FindSimilar(id, Math.Clamp(n, 1, 50), Audience.Everyone);
        return hits.Count == 0 && !KnowledgeBase.Core.Documents.PassageIds.TryParse(id, out _, out _)
            ? NotFound()
            : hits.Select(SearchHitResponse.From).ToList();
    }
}
