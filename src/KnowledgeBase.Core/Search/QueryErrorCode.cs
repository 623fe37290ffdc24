namespace KnowledgeBase.Core.Search;

/// <summary>Why a query was refused; the UI turns the code into a message in the user's language.</summary>
public enum QueryErrorCode
{
    Empty,
    TooLong,
    UnbalancedQuote,
    OnlyExclusions,
    DanglingOperator,
    UnknownField,
    InvalidFilterValue,
}
