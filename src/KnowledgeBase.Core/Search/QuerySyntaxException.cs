namespace KnowledgeBase.Core.Search;

/// <summary>
/// A query the user typed that cannot be understood. <see cref="Code"/> says why (the UI localizes it);
/// the message is an English explanation for logs and the API.
/// </summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException()
    {
    }

    public QuerySyntaxException(string message)
        : base(message)
    {
    }

    public QuerySyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QuerySyntaxException(QueryErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public QueryErrorCode Code { get; }
}
