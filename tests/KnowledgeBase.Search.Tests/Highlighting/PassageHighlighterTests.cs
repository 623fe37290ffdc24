using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Highlighting;

public sealed class PassageHighlighterTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Fact]
    public void Highlight_UnaccentedQuery_MarksAccentedOriginal()
    {
        _index.Add("Tỉnh đẩy mạnh Cải Cách hành chính.");
        _index.Commit();

        Assert.Equal("Tỉnh đẩy mạnh <mark>Cải</mark> <mark>Cách</mark> hành chính.", _index.Find("cai cach").Hits[0].FragmentHtml);
    }

    [Fact]
    public void Highlight_DStrokeTyped_MarksOnlyDStroke()
    {
        _index.Add("đất và dát");
        _index.Commit();

        Assert.Equal("<mark>đất</mark> và dát", _index.Find("đất").Hits[0].FragmentHtml);
        Assert.Equal("<mark>đất</mark> và <mark>dát</mark>", _index.Find("dat").Hits[0].FragmentHtml);
    }

    [Fact]
    public void Highlight_Code_MarkedWholeAndEscaped()
    {
        _index.Add("Theo 30c/NQ-CP <b>đã</b> & \"rõ\"");
        _index.Commit();

        Assert.Equal("Theo <mark>30c/NQ-CP</mark> &lt;b&gt;đã&lt;/b&gt; &amp; &quot;rõ&quot;", _index.Find("30c/NQ-CP").Hits[0].FragmentHtml);
    }

    [Fact]
    public void Highlight_LongPassage_FragmentAroundTheMatches()
    {
        var filler = string.Join(' ', Enumerable.Repeat("nội dung khác", 60));
        _index.Add(filler + " đoạn nói về cải cách hành chính ở cấp tỉnh " + filler);
        _index.Commit();

        var fragment = _index.Find("cải cách hành chính").Hits[0].FragmentHtml;
        Assert.Contains("<mark>cải</mark> <mark>cách</mark> <mark>hành</mark> <mark>chính</mark>", fragment, StringComparison.Ordinal);
        Assert.True(fragment.Length < 500);
    }

    public void Dispose() => _index.Dispose();
}
