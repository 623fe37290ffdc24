using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>Issue 13: a short query typed with accents requires every syllable (any accent form) by default.</summary>
public sealed class AllWordsRequiredTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Fact]
    public void Search_ShortAccentedQuery_RequiresEverySyllable()
    {
        var training = _index.Add("Tài liệu bồi dưỡng cán bộ, công chức cấp xã.");
        _index.Add("Kê khai tài sản tại cơ quan cần minh bạch.");
        _index.Add("Biển Đông và Ấn Độ Dương.");
        _index.Commit();

        var results = _index.Find("tài liệu bồi dưỡng cán bộ", highlight: false);

        Assert.Equal([training], results.Hits.Select(h => h.DocumentId));
        Assert.False(results.AnyWordFallback);
    }

    [Fact]
    public void Search_ShortAccentedQuery_AnyAccentFormCounts_ExactFirst()
    {
        var exact = _index.Add("cải cách hành chính");
        var variant = _index.Add("cái cách hành chinh");
        _index.Add("cải tiến hành chính");
        _index.Commit();

        Assert.Equal([exact, variant], _index.Ranked("cải cách hành chính"));
    }

    [Fact]
    public void Search_ShortAccentedQuery_NothingHasAll_FallsBackToAnyWordAndSaysSo()
    {
        var some = _index.Add("Tài liệu hướng dẫn nghiệp vụ.");
        _index.Commit();

        var results = _index.Find("tài liệu bồi dưỡng cán bộ", highlight: false);

        Assert.Equal([some], results.Hits.Select(h => h.DocumentId));
        Assert.True(results.AnyWordFallback);
    }

    [Fact]
    public void Search_LongQuestion_KeepsAnyWord()
    {
        var partial = _index.Add("Hồ sơ đăng ký kết hôn gồm tờ khai và giấy tờ tùy thân.");
        _index.Commit();

        var results = _index.Find("thủ tục đăng ký kết hôn với người nước ngoài tại ủy ban nhân dân cấp xã", highlight: false);

        Assert.Equal([partial], results.Hits.Select(h => h.DocumentId));
        Assert.False(results.AnyWordFallback);
    }

    [Theory]
    [InlineData("tài liệu bồi dưỡng là gì")]
    [InlineData("tài liệu bồi dưỡng cán bộ?")]
    public void Search_ShortQuestion_KeepsAnyWord(string question)
    {
        var partial = _index.Add("Tài liệu hướng dẫn nghiệp vụ.");
        _index.Commit();

        var results = _index.Find(question, highlight: false);

        Assert.Equal([partial], results.Hits.Select(h => h.DocumentId));
        Assert.False(results.AnyWordFallback);
    }

    [Fact]
    public void Search_ShortQueryWithoutAccents_KeepsAnyWord()
    {
        var partial = _index.Add("Tài liệu hướng dẫn nghiệp vụ.");
        _index.Commit();

        var results = _index.Find("tai lieu boi duong can bo", highlight: false);

        Assert.Equal([partial], results.Hits.Select(h => h.DocumentId));
        Assert.False(results.AnyWordFallback);
    }

    [Fact]
    public void Search_SpelledOutExpansion_AcronymSatisfiesIt()
    {
        var acronym = _index.Add("Kế hoạch CCHC của tỉnh năm 2015.");
        _index.Add("Kế hoạch tài chính của tỉnh.");
        _index.Commit();

        Assert.Equal([acronym], _index.Ranked("kế hoạch cải cách hành chính"));
    }

    [Fact]
    public void Search_PlainSearch_CountsDistinctDocuments()
    {
        _index.Index.Upsert(KnowledgeBase.Testing.TestDocuments.Text("00000000000000aa", "Một"), KnowledgeBase.Testing.TestDocuments.Passages("00000000000000aa", "cải cách một", "cải cách hai"));
        _index.Add("cải cách ba");
        _index.Commit();

        var results = _index.Find("cải cách", highlight: false);

        Assert.Equal(3, results.TotalHits);
        Assert.Equal(2, results.TotalDocuments);
    }

    public void Dispose() => _index.Dispose();
}
