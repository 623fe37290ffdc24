using KnowledgeBase.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>The request's collection, origin and language filters, and how filters combine.</summary>
public static class RequestFilters
{
    /// <summary>One clause per filled list (any value of a list, all lists); null when none is filled.</summary>
    public static Query? Extra(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = new BooleanQuery();
        AnyOf(all, IndexFields.Collection, request.Collections);
        AnyOf(all, IndexFields.Origin, request.Sources);
        AnyOf(all, IndexFields.Language, request.Languages);
        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>Both filters must hold; either may be missing.</summary>
    public static Filter? Combine(Filter? filter, Query? extra)
    {
        if (extra is null)
        {
            return filter;
        }

        var wrapped = new QueryWrapperFilter(extra);
        return filter is null ? wrapped : new Lucene.Net.Queries.BooleanFilter { { filter, Occur.MUST }, { wrapped, Occur.MUST } };
    }

    private static void AnyOf(BooleanQuery all, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        all.Add(any, Occur.MUST);
    }
}
