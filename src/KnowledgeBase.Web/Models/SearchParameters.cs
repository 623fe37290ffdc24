using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// What the search page and <c>/api/search</c> read from the address: the query, paging, sort, view and
/// filters (<c>kind</c>, <c>year</c>, <c>tag</c>, <c>collection</c>, <c>origin</c>, <c>language</c> may repeat;
/// <c>from</c>/<c>to</c> are dates). Links that change one thing keep the rest. Immutable.
/// </summary>
public sealed record SearchParameters
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static readonly string[] FacetKeys = ["kind", "year", "collection", "tag", "origin", "language"];

    public string Query { get; init; } = string.Empty;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary><c>relevance</c>, <c>newest</c> or <c>oldest</c>.</summary>
    public string Sort { get; init; } = "relevance";

    /// <summary><c>passages</c> (each document's best passages) or <c>documents</c> (one line per document).</summary>
    public string View { get; init; } = "passages";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public bool DocumentsView => View == "documents";

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);

    public bool HasFilters => Filters.Values.Any(v => v.Count > 0) || From is not null || To is not null;

    public static SearchParameters Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = FacetKeys.ToDictionary(
            key => key,
            key => (IReadOnlyList<string>)[.. query[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)],
            StringComparer.Ordinal);
        return new SearchParameters
        {
            Query = query["q"].ToString().Trim(),
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? Math.Min(page, SearchRequest.MaxPage) : 1,
            PageSize = int.TryParse(query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, MaxPageSize) : DefaultPageSize,
            Sort = query["sort"].ToString() is "newest" or "oldest" ? query["sort"].ToString() : "relevance",
            View = query["view"].ToString() == "documents" ? "documents" : "passages",
            Filters = filters,
            From = ParseDate(query["from"]),
            To = ParseDate(query["to"]),
        };
    }

    public SearchRequest ToRequest(bool highlight = true) => new()
    {
        Query = Query,
        Page = Page,
        PageSize = PageSize,
        Sort = Sort switch
        {
            "newest" => SearchSort.DateDescending,
            "oldest" => SearchSort.DateAscending,
            _ => SearchSort.Relevance,
        },
        Kinds = [.. Values("kind").Select(k => Enum.TryParse<DocumentKind>(k, ignoreCase: true, out var kind) ? kind : (DocumentKind?)null).OfType<DocumentKind>()],
        Years = [.. Values("year").Select(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : -1).Where(y => y >= 0)], // 0: no date (issue 13)
        Tags = Values("tag"),
        Collections = Values("collection"),
        Sources = Values("origin"),
        Languages = Values("language"),
        DateFrom = From,
        DateTo = To,
        Highlight = highlight,
        GroupByDocument = true,
        PagesWithinBestPassages = true,
        PassagesPerDocument = DocumentsView ? 1 : 3,
        IncludeFacets = true,
        SuggestCorrection = true,
    };

    public IReadOnlyList<string> Values(string key) => Filters.TryGetValue(key, out var values) ? values : [];

    public bool IsSelected(string key, string value) => Values(key).Contains(value, StringComparer.Ordinal);

    /// <summary>The address with a facet value switched on or off (back to page 1).</summary>
    public string Toggle(string key, string value)
    {
        var values = IsSelected(key, value) ? Values(key).Where(v => v != value).ToList() : [.. Values(key), value];
        var filters = new Dictionary<string, IReadOnlyList<string>>(Filters, StringComparer.Ordinal) { [key] = values };
        return (this with { Filters = filters, Page = 1 }).Url();
    }

    public string WithPage(int page) => (this with { Page = page }).Url();

    public string WithView(string view) => (this with { View = view, Page = 1 }).Url();

    public string WithSort(string sort) => (this with { Sort = sort, Page = 1 }).Url();

    public string WithQuery(string query) => (this with { Query = query, Page = 1 }).Url();

    public string WithoutFilters() => (this with { Filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), From = null, To = null, Page = 1 }).Url();

    public string Url() => "/?" + string.Join('&', Pairs().Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>
    /// Every parameter of <see cref="Url"/>, in its order, defaults left out: what a form on the page carries in
    /// hidden fields so that submitting it changes one thing and keeps the rest.
    /// </summary>
    public IEnumerable<(string Key, string Value)> Pairs()
    {
        yield return ("q", Query);
        foreach (var key in FacetKeys)
        {
            foreach (var value in Values(key))
            {
                yield return (key, value);
            }
        }

        if (From is { } from)
        {
            yield return ("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            yield return ("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Sort != "relevance")
        {
            yield return ("sort", Sort);
        }

        if (View != "passages")
        {
            yield return ("view", View);
        }

        if (PageSize != DefaultPageSize)
        {
            yield return ("size", PageSize.ToString(CultureInfo.InvariantCulture));
        }

        if (Page != 1)
        {
            yield return ("page", Page.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
