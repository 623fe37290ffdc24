using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>A search as the user asked it. <see cref="Page"/> is 1-based.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;

    /// <summary>The deepest page: a search collects <c>page × size</c> hits, so paging is bounded.</summary>
    public const int MaxPage = 1000;

    public required string Query { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Restrict to one document (search within a document).</summary>
    public string? DocumentId { get; init; }

    public IReadOnlyList<DocumentKind> Kinds { get; init; } = [];

    public IReadOnlyList<int> Years { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Where documents came from: a web site's host for URL imports, else upload, inbox, cli or seed.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    /// <summary>Who is searching: the documents the results, totals, facets and correction may draw on.</summary>
    public Audience Audience { get; init; } = Audience.Everyone;

    /// <summary>Whether to highlight fragments (the evaluation path turns it off).</summary>
    public bool Highlight { get; init; } = true;

    /// <summary>Page over documents (each with its best passages) rather than over passages.</summary>
    public bool GroupByDocument { get; init; }

    /// <summary>
    /// When grouping, and the pruned search ranked only the best passages (<see cref="SearchResults.TotalHitsEstimated"/>):
    /// the pages end with the documents those passages hold (<see cref="SearchResults.RankedDocuments"/>), the last page
    /// maybe short, and a page beyond them is empty instead of being found by scoring every match. The search page and
    /// <c>/api/search</c> ask for it, so that every page they link to holds documents (issue 13).
    /// </summary>
    public bool PagesWithinBestPassages { get; init; }

    /// <summary>Passages shown per document when grouping.</summary>
    public int PassagesPerDocument { get; init; } = 3;

    /// <summary>Count the facet values over the whole result set (<see cref="SearchResults.Facets"/>).</summary>
    public bool IncludeFacets { get; init; }

    /// <summary>Offer a corrected query (accents restored, typos fixed) in <see cref="SearchResults.DidYouMean"/>.</summary>
    public bool SuggestCorrection { get; init; }
}
