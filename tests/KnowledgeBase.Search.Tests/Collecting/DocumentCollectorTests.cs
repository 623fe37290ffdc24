using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Collecting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Tests.Collecting;

public sealed class DocumentCollectorTests : IDisposable
{
    private static readonly string[] FacetFields = [IndexFields.Kind, IndexFields.Year, IndexFields.Tags, IndexFields.Collection];
    private readonly LuceneIndex _index = LuceneIndex.InMemory();

    public DocumentCollectorTests()
    {
        Add("aaaaaaaaaaaaaaa1", DocumentKind.Pdf, new DateOnly(2015, 3, 1), ["cchc", "tỉnh"], "Báo cáo",
            "cải cách hành chính năm 2015", "kế hoạch cải cách hành chính", "phụ lục không liên quan");
        Add("aaaaaaaaaaaaaaa2", DocumentKind.Html, new DateOnly(2019, 6, 1), ["cchc"], null,
            "bài viết về cải cách hành chính");
        Add("aaaaaaaaaaaaaaa3", DocumentKind.Pdf, new DateOnly(2019, 1, 1), [], "Báo cáo",
            "cải cách thủ tục", "cải cách hành chính và dịch vụ công", "cải cách tiền lương");
        Add("aaaaaaaaaaaaaaa4", DocumentKind.Word, new DateOnly(2020, 1, 1), ["khác"], null, "văn bản không khớp");
        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Collect_CountsFacetsPerDocumentOverTheWholeResultSet()
    {
        var collector = Run("cách", scores: false);

        Assert.Equal(3, collector.TotalDocuments);
        var facets = collector.Facets(10).ToDictionary(f => f.Field, f => f.Values.ToDictionary(v => v.Value, v => v.Count));
        Assert.Equal(2, facets[IndexFields.Kind]["pdf"]);
        Assert.Equal(1, facets[IndexFields.Kind]["html"]);
        Assert.False(facets[IndexFields.Kind].ContainsKey("word"));
        Assert.Equal(2, facets[IndexFields.Year]["2019"]);
        Assert.Equal(2, facets[IndexFields.Tags]["cchc"]);
        Assert.Equal(1, facets[IndexFields.Tags]["tỉnh"]);
        Assert.Equal(2, facets[IndexFields.Collection]["Báo cáo"]);
    }

    [Fact]
    public void Collect_KeepsEachDocumentsBestPassageAndMatchCount()
    {
        var collector = Run("cải cách", scores: true);
        var documents = collector.Documents(SearchSort.Relevance);

        Assert.Equal(3, documents.Count);
        Assert.Equal(3, documents.Single(d => d.DocumentId == "aaaaaaaaaaaaaaa3").MatchingPassages);
        Assert.Equal(2, documents.Single(d => d.DocumentId == "aaaaaaaaaaaaaaa1").MatchingPassages);
        Assert.True(documents.Zip(documents.Skip(1)).All(p => p.First.BestScore >= p.Second.BestScore));
        Assert.All(documents, d => Assert.True(d.BestDoc >= 0));
    }

    [Fact]
    public void Documents_SortedByDate_NewestFirstOrOldestFirst()
    {
        var collector = Run("cách", scores: true);

        Assert.Equal(["aaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaa3", "aaaaaaaaaaaaaaa1"], collector.Documents(SearchSort.DateDescending).Select(d => d.DocumentId));
        Assert.Equal(["aaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaa3", "aaaaaaaaaaaaaaa2"], collector.Documents(SearchSort.DateAscending).Select(d => d.DocumentId));
    }

    [Fact]
    public void TopPassages_AreWhatASearchWithinTheDocumentRanksFirst()
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.TextFolded, "cach")), Occur.SHOULD },
            { new TermQuery(new Term(IndexFields.TextFolded, "hanh")), Occur.SHOULD },
            { new TermQuery(new Term(IndexFields.TextFolded, "tien")), Occur.SHOULD },
        };
        var collector = new DocumentCollector(FacetFields, scores: true, passagesPerDocument: 2);
        _index.WithSearcher(searcher =>
        {
            searcher.Search(query, collector);
            foreach (var document in collector.Documents(SearchSort.Relevance))
            {
                var within = searcher.Search(query, new QueryWrapperFilter(new TermQuery(new Term(IndexFields.DocumentId, document.DocumentId))), 2);
                Assert.Equal(within.ScoreDocs.Select(s => (s.Doc, s.Score)), collector.TopPassages(document.DocumentId).Select(s => (s.Doc, s.Score)));
            }

            return 0;
        });

        Assert.Equal(2, collector.PassagesKept);
        Assert.Equal(2, collector.TopPassages("aaaaaaaaaaaaaaa3").Count);
        Assert.Empty(collector.TopPassages("aaaaaaaaaaaaaaa4"));
    }

    [Fact]
    public async Task Collect_DocumentReplacedInTheSameSegmentAndAfter_CountsOnlyItsLiveMetadata()
    {
        // Two versions written before one commit share a segment (the first one's passages deleted); the facet
        // table read once per segment must take the live version's values, and a later version's in turn.
        Add("bbbbbbbbbbbbbbb1", DocumentKind.Pdf, new DateOnly(2001, 1, 1), ["cũ"], "Lưu trữ", "quy hoạch đô thị");
        Add("bbbbbbbbbbbbbbb1", DocumentKind.Html, new DateOnly(2002, 1, 1), ["mới"], "Tin tức", "quy hoạch đô thị");
        await _index.CommitAsync();

        var first = Facets(Run("quy", scores: false));
        Assert.Equal(1, first[IndexFields.Tags]["mới"]);
        Assert.False(first[IndexFields.Tags].ContainsKey("cũ"));
        Assert.Equal(1, first[IndexFields.Kind]["html"]);
        Assert.Equal(1, first[IndexFields.Year]["2002"]);

        Add("bbbbbbbbbbbbbbb1", DocumentKind.Word, new DateOnly(2003, 1, 1), ["mới nhất"], "Tin tức", "quy hoạch đô thị");
        await _index.CommitAsync();

        var collector = Run("quy", scores: true);
        var second = Facets(collector);
        Assert.Equal(1, collector.TotalDocuments);
        Assert.Equal(1, second[IndexFields.Tags]["mới nhất"]);
        Assert.False(second[IndexFields.Tags].ContainsKey("mới"));
        Assert.Equal(1, second[IndexFields.Kind]["word"]);
        Assert.Equal(20030101, collector.Documents(SearchSort.DateDescending).Single().DateNumber);
    }

    public void Dispose() => _index.Dispose();

    private static Dictionary<string, Dictionary<string, int>> Facets(DocumentCollector collector) =>
        collector.Facets(10).ToDictionary(f => f.Field, f => f.Values.ToDictionary(v => v.Value, v => v.Count));

    private DocumentCollector Run(string word, bool scores)
    {
        var collector = new DocumentCollector(FacetFields, scores);
        _index.WithSearcher(searcher =>
        {
            searcher.Search(new TermQuery(new Term(IndexFields.TextFolded, Vietnamese.Text.VietnameseText.Fold(word.Split(' ')[0]))), collector);
            return 0;
        });
        return collector;
    }

    private void Add(string id, DocumentKind kind, DateOnly date, string[] tags, string? collection, params string[] passages)
    {
        var document = TestDocuments.Text(id, "Tài liệu " + id[^1]) with { Kind = kind, Date = date, Tags = tags, Collection = collection };
        _index.Upsert(document, [.. TestDocuments.Passages(id, passages).Select(p => p with { PageNumber = p.Ordinal + 1 })]);
    }
}
