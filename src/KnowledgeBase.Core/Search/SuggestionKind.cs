namespace KnowledgeBase.Core.Search;

public enum SuggestionKind
{
    Term,
    Phrase,
    Title,
}
