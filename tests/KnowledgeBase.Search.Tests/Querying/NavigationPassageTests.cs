using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// Issue 13: a passage that is site navigation (a menu, a list of teasers cut off with "…") ranks below an
/// article's prose that holds the same words, as on the seed article for <c>cai cach hanh chinh</c>.
/// </summary>
public sealed class NavigationPassageTests : IDisposable
{
    // A page's side column: project teasers, each a title and a lead cut short.
    private const string Menu = """
        Dự án
         • Dự án tăng cường năng lực cải cách hành chính cho Văn phòng tỉnh
          Kể...
         • Dự án: Hỗ trợ "Chương trình Cải cách Hành chính cấp tỉnh (giai đoạn I & II)
          Cải cách hành chính là chương trình do tỉnh...
         • Gói thầu: Khảo sát cải cách hành chính cho Dự án hỗ trợ Văn phòng tỉnh
          Từ tháng 1 đến tháng 9, dự án đã hỗ trợ thực hiện cải cách...
        """;

    // The article: sentences, the words once, among many others.
    private const string Article = """
        Sau bốn năm thực hiện chương trình, các tỉnh đã đạt được những tiến bộ đáng kể trong cải cách hành chính, bám sát
        chương trình tổng thể của Chính phủ và góp phần vào phát triển kinh tế - xã hội của địa phương. Bên cạnh những thành
        tựu này, các tỉnh còn gặp nhiều khó khăn, đòi hỏi tiếp tục hỗ trợ để lập kế hoạch, giám sát và đánh giá có sự tham
        gia của người dân và doanh nghiệp.
        """;

    private readonly InMemoryIndex _index = new();

    [Theory]
    [InlineData("cai cach hanh chinh")]
    [InlineData("cải cách hành chính")]
    public void Search_NavigationPassageHoldingTheWords_RanksBelowTheArticle(string query)
    {
        var menu = _index.Add(Menu, "Kinh nghiệm cải cách hành chính cấp tỉnh");
        var article = _index.Add(Article, "Kinh nghiệm cải cách hành chính cấp tỉnh");
        _index.Commit();

        Assert.Equal([article, menu], _index.Ranked(query));
    }

    [Fact]
    public void Search_WithoutTheNavigationSignal_TheMenuWins()
    {
        // What the ranking did before issue 13: term frequency in a short passage puts the menu first.
        var menu = _index.Add(Menu, "Kinh nghiệm cải cách hành chính cấp tỉnh");
        _index.Add(Article, "Kinh nghiệm cải cách hành chính cấp tỉnh");
        _index.Commit();
        var plain = new LuceneSearchService(_index.Index, RankingWeights.Default with { Navigation = 0 });

        var results = plain.Search(new SearchRequest { Query = "cai cach hanh chinh", Highlight = false });

        Assert.Equal(menu, results.Hits[0].DocumentId);
    }

    [Fact]
    public void NavigationShare_MenuNearOne_ProseNearZero()
    {
        Assert.True(TextUnits.NavigationShare(Menu) > 0.8, $"menu {TextUnits.NavigationShare(Menu)}");
        // Only the short tail of a hard-wrapped line ("Bên cạnh những thành") reads like a menu entry.
        Assert.True(TextUnits.NavigationShare(Article) < 0.1, $"article {TextUnits.NavigationShare(Article)}");
        Assert.Equal(0, TextUnits.NavigationShare(Article.ReplaceLineEndings(" ")));
    }

    public void Dispose() => _index.Dispose();
}
