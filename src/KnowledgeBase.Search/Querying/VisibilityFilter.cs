using KnowledgeBase.Core.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>The clause that keeps only documents a caller may see (none when everything is allowed).</summary>
public static class VisibilityFilter
{
    public static Query? AnyOf(IReadOnlyList<DocumentVisibility> visibilities)
    {
        ArgumentNullException.ThrowIfNull(visibilities);
        if (visibilities.Count == 0)
        {
            return null;
        }

        var any = new BooleanQuery();
        foreach (var visibility in visibilities)
        {
            any.Add(new TermQuery(new Term(IndexFields.Visibility, visibility.ToString().ToLowerInvariant())), Occur.SHOULD);
        }

        return any;
    }
}
