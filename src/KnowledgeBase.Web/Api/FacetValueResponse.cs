namespace KnowledgeBase.Web.Api;

/// <summary>A facet value and the number of matching documents that have it.</summary>
public sealed record FacetValueResponse(string Value, int Count);
