namespace KnowledgeBase.Core.Search;

/// <summary>
/// The values of one facet (<c>kind</c>, <c>year</c>, <c>tag</c>, <c>collection</c>, <c>source</c>, <c>lang</c>)
/// with the number of matching documents for each, over the whole result set, most frequent first.
/// </summary>
public sealed record FacetResult(string Field, IReadOnlyList<FacetValue> Values);
