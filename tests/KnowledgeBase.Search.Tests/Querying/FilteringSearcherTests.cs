using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// A filtered search scores as Lucene's own filtered search does — same passages, same scores — while keeping bulk
/// (window) scoring: on a generated index (several segments, deleted passages, three visibilities, owners, kinds,
/// years), random questions built by the real <see cref="QueryBuilder"/>, every filter an audience or a request makes.
/// </summary>
public sealed class FilteringSearcherTests : IDisposable
{
    private const string Words =
        "theo quy định của pháp luật về đất đai người sử dụng đất có quyền chuyển nhượng cho thuê thế chấp góp vốn " +
        "bằng quyền sử dụng đất khi có giấy chứng nhận không có tranh chấp trong thời hạn ủy ban nhân dân tỉnh " +
        "bệnh nhân nhiễm vi rút corona được cách ly tại cơ sở y tế xét nghiệm dương tính triệu chứng sốt ho " +
        "sinh viên trường đại học công nghệ thông tin học phí tín chỉ điểm trung bình học kỳ tốt nghiệp bằng cấp";

    private static readonly string[] Vocabulary = [.. Words.Split(' ').Distinct(StringComparer.Ordinal)];
    private static readonly string[] Owners = ["lan", "minh", "hoa"];

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly Random _random = new(20261207);
    private readonly List<string> _documentIds = [];

    public FilteringSearcherTests()
    {
        var visibilities = Enum.GetValues<DocumentVisibility>();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var d = 0; d < 120; d++)
            {
                var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                _documentIds.Add(id);
                var passages = Enumerable.Range(0, 4).Select(_ => Sentence(_random.Next(8, 90))).ToArray();
                var document = TestDocuments.Text(id, Sentence(_random.Next(2, 6))) with
                {
                    Visibility = visibilities[_random.Next(visibilities.Length)],
                    AddedBy = Owners[_random.Next(Owners.Length)],
                    Kind = _random.Next(3) == 0 ? DocumentKind.Pdf : DocumentKind.Text,
                    Date = new DateOnly(2018 + _random.Next(6), 1 + _random.Next(12), 1),
                };
                _index.Upsert(document, TestDocuments.Passages(id, passages));
            }

            // Deleted passages stay in the segment until merged: re-index a few documents of the previous batch.
            for (var d = 0; d < 10 && batch > 0; d++)
            {
                var id = (((batch - 1) * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                _index.Upsert(TestDocuments.Text(id, Sentence(3)) with { Visibility = DocumentVisibility.Public }, TestDocuments.Passages(id, Sentence(40), Sentence(15)));
            }

            _index.CommitAsync().GetAwaiter().GetResult();
        }
    }

    public static TheoryData<string> Filters => new() { "public", "user", "internal-and-private", "pdf", "year", "document", "public-pdf-2020" };

    [Theory]
    [MemberData(nameof(Filters))]
    public void RandomQuestions_SamePassagesAndScoresAsLuceneFilteredSearch(string name)
    {
        var filter = FilterNamed(name);
        Assert.IsType<FilterBits>(filter);
        var compared = 0;
        for (var q = 0; q < 40; q++)
        {
            var text = Question();
            var (ours, lucene) = _index.WithSearcher(searcher =>
            {
                Assert.IsType<FilteringSearcher>(searcher);
                var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
                var plain = new IndexSearcher(searcher.IndexReader) { Similarity = searcher.Similarity };
                var reference = new QueryWrapperFilter(new ExposedQuery(filter!).Inner);
                return (searcher.Search(query, filter, 100_000), plain.Search(query, reference, 100_000));
            });

            Assert.Equal(lucene.TotalHits, ours.TotalHits);
            var expected = lucene.ScoreDocs.ToDictionary(s => s.Doc, s => s.Score);
            Assert.Equal(expected.Count, ours.ScoreDocs.Length);
            foreach (var hit in ours.ScoreDocs)
            {
                Assert.True(expected.TryGetValue(hit.Doc, out var score), $"'{text}' ({name}): passage {hit.Doc} is not a match of Lucene's filtered search");
                Assert.True(Math.Abs(score - hit.Score) <= 1e-5 * Math.Max(1, Math.Abs(score)), $"'{text}' ({name}): passage {hit.Doc} scored {hit.Score}, Lucene {score}");
            }

            compared += ours.TotalHits > 0 ? 1 : 0;
        }

        Assert.True(compared >= 10, $"only {compared} questions matched anything");
    }

    [Fact]
    public void DenseFilter_DisjunctionScoredInWindows_AsWithoutFilter()
    {
        // Lucene's BooleanScorer (windows of 2,048 passages) hands a window's matches to the collector in the order
        // they were first hit, not in passage order; scoring one document at a time hands them in order.
        var filter = FilterNamed("user");
        var (ours, lucene) = _index.WithSearcher(searcher =>
        {
            var query = new QueryBuilder().Build(UserQueryParser.Parse("quyền sử dụng đất của người dân tại tỉnh khi có tranh chấp"), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
            var oursOrder = new ArrivalOrder();
            searcher.Search(query, filter, oursOrder);
            var luceneOrder = new ArrivalOrder();
            new IndexSearcher(searcher.IndexReader) { Similarity = searcher.Similarity }.Search(query, new QueryWrapperFilter(new ExposedQuery(filter!).Inner), luceneOrder);
            return (oursOrder, luceneOrder);
        });

        Assert.True(ours.Collected > 100);
        Assert.Equal(lucene.Collected, ours.Collected);
        Assert.True(ours.OutOfOrder > 0, "the filtered disjunction was scored one passage at a time");
        Assert.Equal(0, lucene.OutOfOrder);
    }

    [Fact]
    public async Task Deletions_AfterTheBitsWereWorkedOut_AreNotFound_NewPassagesAre()
    {
        var filter = SearchFilterBuilder.Build(Audience.Of(DocumentVisibility.Public))!;
        var query = new TermQuery(new Term(IndexFields.TextFolded, "dat"));
        var before = _index.WithSearcher(searcher => searcher.Search(query, filter, 100_000).TotalHits);
        Assert.True(before > 0);

        // Every public document of the first batch made private, and one new public document holding the word.
        var changed = 0;
        foreach (var id in _documentIds.Take(120))
        {
            var document = _index.WithSearcher(searcher => searcher.Search(new TermQuery(new Term(IndexFields.DocumentId, id)), filter, 1).TotalHits);
            if (document > 0)
            {
                _index.Upsert(TestDocuments.Text(id, "riêng") with { Visibility = DocumentVisibility.Private, AddedBy = "lan" }, TestDocuments.Passages(id, "đất đai riêng"));
                changed++;
            }
        }

        _index.Upsert(TestDocuments.Text("ffffffffffffffff", "mới") with { Visibility = DocumentVisibility.Public }, TestDocuments.Passages("ffffffffffffffff", "đất mới công khai"));
        await _index.CommitAsync();
        _index.Refresh();

        var (ours, lucene, privateSeen) = _index.WithSearcher(searcher => (
            searcher.Search(query, filter, 100_000),
            new IndexSearcher(searcher.IndexReader).Search(query, new QueryWrapperFilter(new ExposedQuery(filter).Inner), 100_000),
            searcher.Search(new TermQuery(new Term(IndexFields.TextFolded, "rieng")), filter, 10).TotalHits));

        Assert.True(changed > 5);
        Assert.Equal(lucene.TotalHits, ours.TotalHits);
        Assert.Equal(lucene.ScoreDocs.Select(s => s.Doc).Order(), ours.ScoreDocs.Select(s => s.Doc).Order());
        Assert.Equal(0, privateSeen);
    }

    public void Dispose() => _index.Dispose();

    private Filter? FilterNamed(string name) => name switch
    {
        "public" => SearchFilterBuilder.Build(Audience.Of(DocumentVisibility.Public)),
        "user" => SearchFilterBuilder.Build(Audience.User("minh")),
        "internal-and-private" => SearchFilterBuilder.Build(Audience.Of(DocumentVisibility.Internal, DocumentVisibility.Private)),
        "pdf" => SearchFilterBuilder.Build(new SearchRequest { Query = "x", Kinds = [DocumentKind.Pdf] }, new UserQuery()),
        "year" => SearchFilterBuilder.Build(new SearchRequest { Query = "x", Years = [2020, 2021] }, new UserQuery()),
        // One document: a sparse filter, which leads the query.
        "document" => SearchFilterBuilder.Build(new SearchRequest { Query = "x", DocumentId = _documentIds[250] }, new UserQuery()),
        _ => SearchFilterBuilder.Build(new SearchRequest { Query = "x", Kinds = [DocumentKind.Pdf], Years = [2020], Audience = Audience.Of(DocumentVisibility.Public) }, new UserQuery()),
    };

    private string Question()
    {
        var words = Enumerable.Range(0, _random.Next(2, 30)).Select(_ => Vocabulary[Math.Min(Vocabulary.Length - 1, (int)(Vocabulary.Length * Math.Pow(_random.NextDouble(), 1.6)))]);
        var text = string.Join(' ', words);
        return _random.Next(3) == 0 ? KnowledgeBase.Vietnamese.Text.VietnameseText.Fold(text) : text;
    }

    private string Sentence(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Vocabulary[Math.Min(Vocabulary.Length - 1, (int)(Vocabulary.Length * Math.Pow(_random.NextDouble(), 2)))]));

    /// <summary>The query inside a <see cref="FilterBits"/> built by <see cref="SearchFilterBuilder"/>, for Lucene's own filter.</summary>
    private sealed class ExposedQuery(Filter filter)
    {
        public Query Inner { get; } = ((QueryWrapperFilter)((FilterBits)filter).Inner).Query;
    }

    /// <summary>Counts the passages handed over, and how many came before one already handed over in the same segment.</summary>
    private sealed class ArrivalOrder : ICollector
    {
        private int _last = -1;

        public int Collected { get; private set; }

        public int OutOfOrder { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _last = -1;

        public void Collect(int doc)
        {
            Collected++;
            if (doc < _last)
            {
                OutOfOrder++;
            }

            _last = doc;
        }
    }
}
