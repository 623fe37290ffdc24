using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;

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
        Index.Upsert(Document(id, title), [new Passage { DocumentId = id, Ordinal = 0, PageNumber = 1, Text = text, EndOffset = text.Length }]);
        return id;
    }

    public static DocumentInfo Document(string id, string title) => new()
    {
        Id = id,
        Title = title,
        Kind = DocumentKind.Text,
        ContentHash = id + id + id + id,
        ContentType = "text/plain",
        FileName = "a.txt",
        Source = "test",
        AddedAt = DateTimeOffset.UnixEpoch,
    };

    public void Commit() => Index.CommitAsync().GetAwaiter().GetResult();

    public SearchResults Find(string query, bool highlight = true) =>
        Search.Search(new SearchRequest { Query = query, Highlight = highlight, PageSize = 20 });

    /// <summary>Document ids of the hits, best first.</summary>
    public List<string> Ranked(string query) => Find(query, highlight: false).Hits.Select(h => h.DocumentId).ToList();

    public void Dispose() => Index.Dispose();
}
