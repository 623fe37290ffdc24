namespace KnowledgeBase.Core.Search;

/// <summary>One facet value and the number of matching documents that have it.</summary>
public sealed record FacetValue(string Value, int Count);
