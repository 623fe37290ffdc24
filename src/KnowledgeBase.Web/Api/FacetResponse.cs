using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Api;

/// <summary>One facet of <c>/api/search?facets=true</c>: its field and the document count of each value.</summary>
public sealed record FacetResponse(string Field, IReadOnlyList<FacetValueResponse> Values)
{
    public static FacetResponse From(FacetResult facet)
    {
        ArgumentNullException.ThrowIfNull(facet);
        return new FacetResponse(facet.Field, [.. facet.Values.Select(v => new FacetValueResponse(v.Value, v.Count))]);
    }
}
