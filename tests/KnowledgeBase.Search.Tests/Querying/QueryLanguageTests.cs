using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Search.Tests.Testing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>The query language of the search box, over a small known corpus: phrases, exclusions, OR, filters, errors.</summary>
public sealed class QueryLanguageTests : IDisposable
{
    private readonly InMemoryIndex _index = new();
    private readonly string _plan;
    private readonly string _report;
    private readonly string _decree;
    private readonly string _scattered;

    public QueryLanguageTests()
    {
        _plan = Add("Kế hoạch cải cách hành chính năm 2016 của tỉnh.", "Kế hoạch CCHC", DocumentKind.Pdf, new DateOnly(2016, 1, 20), ["kế hoạch"]);
        _report = Add("Báo cáo kết quả cải cách hành chính và thủ tục hành chính.", "Báo cáo tổng kết", DocumentKind.Html, new DateOnly(2019, 5, 2), ["báo cáo"]);
        _decree = Add("Nghị định về thủ tục đăng ký hộ tịch.", "Nghị định hộ tịch", DocumentKind.Word, new DateOnly(2015, 11, 15), []);
        _scattered = Add("Hành chính công và cải tiến cách làm việc.", "Ghi chép", DocumentKind.Text, null, []);
        _index.Commit();
    }

    [Fact]
    public void Phrase_OnlyTheContiguousWords()
    {
        var hits = _index.Ranked("\"cải cách hành chính\"");

        Assert.Equal([_plan, _report], hits.Order());
        Assert.DoesNotContain(_scattered, hits);
    }

    [Fact]
    public void Phrase_TypedWithoutAccents_StillAPhrase()
    {
        Assert.Equal([_plan, _report], _index.Ranked("\"cai cach hanh chinh\"").Order());
    }

    [Fact]
    public void Exclusion_DropsPassagesWithTheWord()
    {
        var hits = _index.Ranked("hành chính -báo");

        Assert.Contains(_plan, hits);
        Assert.DoesNotContain(_report, hits);
    }

    [Fact]
    public void Or_EitherWord()
    {
        var hits = _index.Ranked("hộ OR kế");

        Assert.Equal([_plan, _decree], hits.Order());
    }

    [Theory]
    [InlineData("hành chính type:pdf")]
    [InlineData("hành chính loai:pdf")]
    public void TypeFilter_KeepsThatKind(string query)
    {
        Assert.Equal([_plan], _index.Ranked(query));
    }

    // Issue 12: formats. "doc" is the Word 97–2003 kind now, not .docx; the new kinds are filters like the others.
    [Theory]
    [InlineData("hộ tịch type:word", true)]
    [InlineData("hộ tịch type:doc", false)]
    [InlineData("hộ tịch type:odt", false)]
    [InlineData("hộ tịch type:pptx", false)]
    [InlineData("hộ tịch loai:anh", false)]
    public void TypeFilter_NewFormats(string query, bool findsTheDecree)
    {
        Assert.Equal(findsTheDecree ? [_decree] : [], _index.Ranked(query));
    }

    [Theory]
    [InlineData("thủ tục year:2015")]
    [InlineData("thu tuc nam:2015")]
    public void YearFilter_KeepsThatYear(string query)
    {
        Assert.Equal([_decree], _index.Ranked(query));
    }

    [Fact]
    public void TitleFilter_WithQuotedValue()
    {
        Assert.Equal([_report], _index.Ranked("hành chính title:\"tổng kết\""));
    }

    [Fact]
    public void TagFilter_WithQuotedValue()
    {
        Assert.Equal([_plan], _index.Ranked("hành chính tag:\"kế hoạch\""));
    }

    [Fact]
    public void UnclosedQuote_ReadAsPlainWords()
    {
        var parsed = UserQueryParser.Parse("\"cải cách hành chính");

        Assert.Empty(parsed.Phrases);
        Assert.Equal("cải cách hành chính", parsed.FreeText);
        Assert.Contains(_plan, _index.Ranked("\"cải cách hành chính"));
    }

    [Fact]
    public void DashBeforeANumber_IsNotAnExclusion()
    {
        var parsed = UserQueryParser.Parse("COVID -19");

        Assert.Empty(parsed.Exclusions);
    }

    [Theory]
    [InlineData("", QueryErrorCode.Empty)]
    [InlineData("   ", QueryErrorCode.Empty)]
    [InlineData("-báo -cáo", QueryErrorCode.OnlyExclusions)]
    [InlineData("hành chính OR", QueryErrorCode.DanglingOperator)]
    [InlineData("OR hành chính", QueryErrorCode.DanglingOperator)]
    [InlineData("hành chính title:\"tổng kết", QueryErrorCode.UnbalancedQuote)]
    public void Malformed_RefusedWithACode(string query, QueryErrorCode code)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => _index.Find(query));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void TooLong_RefusedWithACode()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => _index.Find(string.Concat(Enumerable.Repeat("cải cách ", 200))));

        Assert.Equal(QueryErrorCode.TooLong, error.Code);
    }

    private string Add(string text, string title, DocumentKind kind, DateOnly? date, IReadOnlyList<string> tags)
    {
        var id = _index.Add("placeholder");
        var document = TestDocuments.Text(id, title) with { Kind = kind, Date = date, Tags = tags };
        _index.Index.Upsert(document, TestDocuments.Passages(id, text));
        return id;
    }

    public void Dispose() => _index.Dispose();
}
