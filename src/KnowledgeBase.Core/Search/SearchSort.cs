namespace KnowledgeBase.Core.Search;

public enum SearchSort
{
    Relevance,
    DateDescending,
    DateAscending,
}
