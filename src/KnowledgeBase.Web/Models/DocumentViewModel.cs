using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

public sealed record DocumentViewModel
{
    public required DocumentInfo Document { get; init; }

    public required IReadOnlyList<ExtractedPage> Pages { get; init; }

    /// <summary>Passages grouped by page number, in order.</summary>
    public required IReadOnlyList<IGrouping<int, Passage>> PassagesByPage { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<JobInfo> Jobs { get; init; } = [];

    public string? Query { get; init; }

    public SearchResults? Results { get; init; }

    public string? Error { get; init; }

    public string? Message { get; init; }

    /// <summary>Whether the caller may edit, re-ingest and delete it (its owner editor, an admin): the page shows those forms only then.</summary>
    public bool MayChange { get; init; }

    public int PassageCount => PassagesByPage.Sum(g => g.Count());
}
