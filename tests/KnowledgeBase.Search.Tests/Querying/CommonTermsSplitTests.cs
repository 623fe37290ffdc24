using System.Globalization;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Testing;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// Issue 11, common terms (<see cref="CommonTermsSplit"/>, <see cref="LuceneSearchService.CommonTermShare"/>): on a
/// generated index (skewed vocabulary, several segments), a passage holding a rare term of the question scores and
/// ranks exactly as with the flat disjunction; passages holding common terms only are dropped; a question of common
/// terms only, and the option off, leave the query as built.
/// </summary>
public sealed class CommonTermsSplitTests : IDisposable
{
    private const double Share = 0.1;

    private const string Words =
        "của là và các được theo quy định pháp luật về đất đai người sử dụng có quyền chuyển nhượng cho thuê thế chấp " +
        "góp vốn bằng khi giấy chứng nhận không tranh trong thời hạn ủy ban nhân dân tỉnh thành phố trực thuộc trung " +
        "ương quyết giá cụ thể hội đồng thẩm bảng hằng năm bệnh nhiễm vi rút corona cách ly tại cơ sở y tế xét nghiệm " +
        "dương tính âm triệu sốt ho khó thở tiêm vắc xin mũi một hai ba bộ hướng dẫn phòng chống dịch khẩu trang rửa " +
        "tay sát khuẩn sinh viên trường đại học công nghệ thông tin phí tín chỉ điểm bình kỳ tốt nghiệp cấp hà nội " +
        "sài gòn đà nẵng huế cần thơ việt nam lịch sử văn hóa chiến độc lập hiến quốc chính phủ";

    private static readonly string[] CommonSyllables = ["cua", "la", "cac"];
    private static readonly string[] Vocabulary = [.. Words.Split(' ').Distinct(StringComparer.Ordinal)];

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly Random _random = new(20261207);

    public CommonTermsSplitTests()
    {
        for (var batch = 0; batch < 3; batch++)
        {
            for (var d = 0; d < 150; d++)
            {
                var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                var passages = Enumerable.Range(0, 4).Select(_ => Sentence(_random.Next(4, 60))).ToArray();
                _index.Upsert(TestDocuments.Text(id, Sentence(_random.Next(2, 6))), TestDocuments.Passages(id, passages));
            }

            _index.CommitAsync().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public void RandomQuestions_PassagesWithARareTerm_ScoredAndRankedAsBefore_OthersDropped()
    {
        var split = 0;
        var dropped = 0;
        for (var q = 0; q < 80; q++)
        {
            var text = Question();
            _index.WithSearcher(searcher =>
            {
                var reader = searcher.IndexReader;
                var query = Build(text, reader);
                var common = CommonTermsSplit.Apply(query, reader, Share);
                if (ReferenceEquals(common, query))
                {
                    return 0;
                }

                split++;
                Assert.True(CommonTermsSplit.IsSplit(common), text);
                var all = searcher.Search(query, reader.MaxDoc);
                var found = searcher.Search(common, reader.MaxDoc);
                var holdsRare = RareOnly(query, reader);
                var expected = all.ScoreDocs.Where(d => holdsRare.Contains(d.Doc)).ToList();

                // The same passages (those holding a rare term), in the same order, with the same scores.
                Assert.True(expected.Count == found.TotalHits, $"'{text}': {found.TotalHits} matches, {expected.Count} expected");
                dropped += all.TotalHits > found.TotalHits ? 1 : 0;
                for (var i = 0; i < expected.Count; i++)
                {
                    var (e, a) = (expected[i], found.ScoreDocs[i]);
                    var tolerance = 1e-5f * Math.Max(1f, Math.Abs(e.Score));
                    Assert.True(Math.Abs(e.Score - a.Score) <= tolerance, $"'{text}' #{i}: score {e.Score} vs {a.Score}");
                    var tied = expected.Any(o => o.Doc != e.Doc && Math.Abs(o.Score - e.Score) <= tolerance);
                    Assert.True(e.Doc == a.Doc || tied, $"'{text}' #{i}: passage {e.Doc} vs {a.Doc}");
                }

                return 0;
            });
        }

        Assert.True(split >= 40, $"only {split} of 80 questions had both rare and common terms");
        Assert.True(dropped >= 20, $"only {dropped} questions left passages of common terms out");
    }

    [Theory]
    [InlineData("của, là, các")]
    [InlineData("cua, la, cac")]
    [InlineData("của")]
    public void AllCommonQuestion_LeftAsBuilt(string text)
    {
        _index.WithSearcher(searcher =>
        {
            var reader = searcher.IndexReader;
            Assert.All(CommonSyllables, t => Assert.True(reader.DocFreq(new Term(IndexFields.TextFolded, t)) > Share * reader.MaxDoc, t));
            var query = Build(text, reader);

            Assert.Same(query, CommonTermsSplit.Apply(query, reader, Share));
            return 0;
        });

        var on = new LuceneSearchService(_index) { CommonTermShare = Share }.Search(Request(text));
        var off = new LuceneSearchService(_index).Search(Request(text));
        AssertSameHits(off, on);
    }

    [Fact]
    public void OptionOff_QueryAsBuilt_AndTheDefaultIsOff()
    {
        Assert.Equal(0, SearchOptions.DefaultCommonTermShare);
        Assert.Equal(0, new LuceneSearchService(_index).CommonTermShare);
        for (var q = 0; q < 20; q++)
        {
            var text = Question();
            _index.WithSearcher(searcher =>
            {
                var query = Build(text, searcher.IndexReader);
                Assert.Same(query, CommonTermsSplit.Apply(query, searcher.IndexReader, 0));
                return 0;
            });
            AssertSameHits(new LuceneSearchService(_index).Search(Request(text)), new LuceneSearchService(_index) { CommonTermShare = 0 }.Search(Request(text)));
        }
    }

    [Fact]
    public void ShortAccentedQuery_EveryWordRequired_SameAsWithout()
    {
        // Issue 13: every syllable is required anyway, so the split changes neither the passages nor their scores.
        const string text = "quyền chuyển nhượng của người";
        var on = new LuceneSearchService(_index) { CommonTermShare = Share }.Search(Request(text));
        var off = new LuceneSearchService(_index).Search(Request(text));

        Assert.NotEmpty(off.Hits);
        Assert.False(off.AnyWordFallback);
        AssertSameHits(off, on);
    }

    [Fact]
    public void RareTermsFindNothing_CommonTermsMatchAsBefore()
    {
        const string text = "xyzw, của, các, là?";
        var on = new LuceneSearchService(_index) { CommonTermShare = Share }.Search(Request(text));
        var off = new LuceneSearchService(_index).Search(Request(text));

        Assert.NotEmpty(off.Hits);
        AssertSameHits(off, on);
    }

    [Fact]
    public void LongQuestion_Service_FewerMatches_PassagesWithARareTermInTheSameOrder()
    {
        var text = string.Join(" ", Vocabulary.Take(6).Concat(Vocabulary.TakeLast(4)));
        var on = new LuceneSearchService(_index) { CommonTermShare = Share }.Search(Request(text));
        var off = new LuceneSearchService(_index).Search(Request(text));
        var holdsRare = _index.WithSearcher(searcher => RareOnly(Build(text, searcher.IndexReader), searcher.IndexReader)
            .Select(d => searcher.Doc(d).Get(IndexFields.Id, CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal));

        Assert.True(on.TotalHits < off.TotalHits, $"{on.TotalHits} vs {off.TotalHits}");
        Assert.Equal(holdsRare.Count, on.TotalHits);
        Assert.All(on.Hits, h => Assert.Contains(h.PassageId, holdsRare));
        var kept = off.Hits.Where(h => holdsRare.Contains(h.PassageId)).Select(h => h.PassageId).ToList();
        Assert.NotEmpty(kept);
        Assert.Equal(kept, on.Hits.Select(h => h.PassageId).Where(kept.Contains));
    }

    public void Dispose() => _index.Dispose();

    private static SearchRequest Request(string text) => new() { Query = text, PageSize = 10, Highlight = false };

    private static Query Build(string text, IndexReader reader) =>
        new QueryBuilder().Build(UserQueryParser.Parse(text), reader, LearnedAcronyms.TableFor(reader));

    private static void AssertSameHits(SearchResults expected, SearchResults actual)
    {
        Assert.True(expected.Hits.Select(h => h.PassageId).SequenceEqual(actual.Hits.Select(h => h.PassageId)), string.Join(" ", expected.Hits.Select(h => $"{h.PassageId}:{h.Score:G9}")) + " || " + string.Join(" ", actual.Hits.Select(h => $"{h.PassageId}:{h.Score:G9}")));
        Assert.Equal(expected.Hits.Select(h => h.Score), actual.Hits.Select(h => h.Score), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1f, Math.Abs(a)));
    }

    /// <summary>The passages matching a term of the free text held by at most <see cref="Share"/> of the passages (worked out here apart from the split).</summary>
    private static HashSet<int> RareOnly(Query query, IndexReader reader)
    {
        var disjunction = (BooleanQuery)((BooleanQuery)query).Clauses[0].Query;
        var rare = new BooleanQuery();
        foreach (var clause in disjunction.Clauses)
        {
            if (clause.Query is TermQuery term)
            {
                var field = term.Term.Field.Replace("title", "text", StringComparison.Ordinal);
                if (reader.DocFreq(new Term(field, term.Term.Text)) > Share * reader.MaxDoc)
                {
                    continue;
                }
            }

            rare.Add(clause.Query, Occur.SHOULD);
        }

        var searcher = new IndexSearcher(reader);
        return [.. searcher.Search(rare, Math.Max(1, reader.MaxDoc)).ScoreDocs.Select(d => d.Doc)];
    }

    /// <summary>Words drawn with a skew (the first of the vocabulary most often), as syllables are in a corpus.</summary>
    private string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => Vocabulary[Skewed()]));

    private int Skewed() => (int)Math.Min(Vocabulary.Length - 1, Math.Floor(Vocabulary.Length * Math.Pow(_random.NextDouble(), 3)));

    /// <summary>A question of 2–30 words, common words more often; a third typed without accents.</summary>
    private string Question()
    {
        var words = Enumerable.Range(0, _random.Next(2, 31)).Select(_ => Vocabulary[_random.Next(2) == 0 ? Skewed() : _random.Next(Vocabulary.Length)]).ToList();
        var text = string.Join(' ', words);
        return _random.Next(3) == 0 ? VietnameseText.Fold(text) : text;
    }
}
