using KnowledgeBase.Core.Search;
using KnowledgeBase.Web.Localization;

namespace KnowledgeBase.Web.Models;

public static class QueryErrors
{
    /// <summary>The refusal in the user's language.</summary>
    public static string Describe(QuerySyntaxException exception, UiText text)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(text);
        return exception.Code == QueryErrorCode.InvalidFilterValue
            ? text.Format("QueryError.InvalidFilterValue", exception.Message)
            : text["QueryError." + exception.Code];
    }
}
