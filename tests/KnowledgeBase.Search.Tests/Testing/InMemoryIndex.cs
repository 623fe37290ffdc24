using System.Globalization;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Testing;

/// <summary>An in-memory passage index and its search service, one document of one passage per <see cref="Add"/>.</summary>
public sealed class InMemoryIndex : IDisposable
{
    private int _next;

    public InMemoryIndex()
    {
        Search = new LuceneSearchService(Index);
    }

    public LuceneIndex Index { get; } = LuceneIndex.InMemory();

    public LuceneSearchService Search { get; }

    /// <summary>Adds a passage and returns its document id.</summary>
    public string Add(string text, string title = "Tài liệu")
    {
        var id = (++_next).ToString("x16", CultureInfo.InvariantCulture);
        Index.Upsert(TestDocuments.Text(id, title), TestDocuments.Passages(id, text));
        return id;
    }

    public void Commit() => Index.CommitAsync().GetAwaiter().GetResult();

    public SearchResults Find(string query, bool highlight = true) =>
        Search.Search(new SearchRequest { Query = query, Highlight = highlight, PageSize = 20 });

    /// <summary>Document ids of the hits, best first.</summary>
    public List<string> Ranked(string query) => Find(query, highlight: false).Hits.Select(h => h.DocumentId).ToList();

    public void Dispose() => Index.Dispose();
}
