using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Search.Evaluation;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// What <c>kb bench search</c> times for each query: the request the search page sends (with its catalog
/// look-ups), the <c>/api/search</c> default request, a bare request, or the prefixes typed on the way to it
/// for suggestions. A request refused by the query parser counts as an error, not a failure of the run.
/// </summary>
internal static class SearchWorkload
{
    public static readonly string[] AllModes = ["page", "api", "bare", "suggest"];

    /// <summary>The modes also timed against the real app over loopback.</summary>
    public static readonly string[] WebModes = ["page", "suggest"];

    /// <summary>The requests of a mode: the queries themselves, or for <c>suggest</c> their typed prefixes.</summary>
    public static List<string> Requests(string mode, List<string> queries) =>
        mode == "suggest" ? [.. queries.SelectMany(TypedPrefixes)] : queries;

    /// <summary>Untimed requests before a mode's timed passes: four prefixes a query for <c>suggest</c>.</summary>
    public static int Warmup(string mode, int queries) => mode == "suggest" ? queries * 4 : queries;

    /// <summary>One request of <paramref name="mode"/> in process; false when the query was refused.</summary>
    public static Func<string, bool> InProcess(string mode, ISearchService search, ISuggestionService suggestions, DocumentStore documents, Audience audience) => mode switch
    {
        "page" => q => PageRequest(search, documents, q, audience),
        "api" => q => Search(search, ApiRequest(q) with { Audience = audience }),
        "bare" => q => Search(search, BareRequest(q) with { Audience = audience }),
        _ => q => suggestions.Suggest(q, 8, audience).Count >= 0,
    };

    /// <summary>
    /// <c>--audience</c>: <c>everyone</c> sees every passage (no visibility filter, as the Java peer); <c>visitor</c>
    /// is an anonymous visitor (public documents); <c>user</c> a signed-in user (public, internal and their own
    /// private documents). Null for any other name.
    /// </summary>
    public static Audience? AudienceNamed(string? name) => name switch
    {
        "everyone" => Audience.Everyone,
        "visitor" => Audience.Anonymous(anonymousRead: true),
        "user" => Audience.User("bench"),
        _ => null,
    };

    /// <summary>The path and query string of <paramref name="mode"/> on the real app, before the escaped query.</summary>
    public static string WebPath(string mode) => mode == "page" ? "/?q=" : "/api/suggest?q=";

    /// <summary>
    /// What a user types on the way to the query: a partial first word, then 1, 2 and 3 complete words each
    /// followed by the first half (at least 2 letters) of the next one.
    /// </summary>
    public static IEnumerable<string> TypedPrefixes(string query)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var complete = 0; complete <= 3 && complete < words.Length; complete++)
        {
            var next = words[complete];
            var partial = next[..Math.Min(next.Length, Math.Max(2, (next.Length + 1) / 2))];
            yield return complete == 0 ? partial : string.Join(' ', words.Take(complete)) + " " + partial;
        }
    }

    /// <summary>The non-empty queries of a file and every <paramref name="every"/>-th of them, in file order.</summary>
    public static (int Total, List<string> Selected) ReadQueries(string file, int every)
    {
        // The same reader as kb eval's: one {"id","query"} object a line.
        List<string> all = [.. RelevanceCollections.ReadQueries(file).Select(q => q.Query.Trim()).Where(q => q.Length > 0)];
        return (all.Count, [.. all.Where((_, i) => i % every == 0)]);
    }

    /// <summary>What <c>SearchParameters.ToRequest()</c> sends for <c>/?q=</c> (first page, passages view), and the catalog look-ups of the controller.</summary>
    private static bool PageRequest(ISearchService search, DocumentStore documents, string query, Audience audience)
    {
        SearchResults results;
        try
        {
            results = search.Search(new SearchRequest
            {
                Query = query,
                Page = 1,
                PageSize = 10,
                Sort = SearchSort.Relevance,
                Highlight = true,
                GroupByDocument = true,
                PassagesPerDocument = 3,
                IncludeFacets = true,
                SuggestCorrection = true,
                Audience = audience,
            });
        }
        catch (QuerySyntaxException)
        {
            return false;
        }

        _ = documents.GetMany(results.Hits.Select(h => h.DocumentId));

        return true;
    }

    /// <summary><c>GET /api/search?q=</c> with its defaults: first 10 passages, ungrouped, no facets, did-you-mean, highlighted.</summary>
    private static SearchRequest ApiRequest(string query) => new()
    {
        Query = query,
        Page = 1,
        PageSize = 10,
        PassagesPerDocument = 3,
        Highlight = true,
        SuggestCorrection = true,
    };

    /// <summary>The top 10 passages and nothing else (still our query and the top-20 rerank).</summary>
    private static SearchRequest BareRequest(string query) => new() { Query = query, PageSize = 10, Highlight = false };

    private static bool Search(ISearchService search, SearchRequest request)
    {
        try
        {
            search.Search(request);
            return true;
        }
        catch (QuerySyntaxException)
        {
            return false;
        }
    }
}
