namespace KnowledgeBase.Core.Search;

/// <summary>A completion offered while typing: a term, a frequent phrase, or a document title.</summary>
public sealed record Suggestion(string Text, SuggestionKind Kind, string? DocumentId = null);
