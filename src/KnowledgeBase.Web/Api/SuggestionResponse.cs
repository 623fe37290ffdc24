using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Api;

/// <summary>A completion of <c>GET /api/suggest</c>: its text, its kind, and the document of a title.</summary>
public sealed record SuggestionResponse(string Text, SuggestionKind Kind, string? DocumentId)
{
    public static SuggestionResponse From(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return new SuggestionResponse(suggestion.Text, suggestion.Kind, suggestion.DocumentId);
    }
}
