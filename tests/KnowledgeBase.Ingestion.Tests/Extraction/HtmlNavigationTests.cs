using KnowledgeBase.Ingestion.Extraction.Html;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>
/// Issue 13: a list of teasers under an article (each item a linked title and a lead cut off with "…", the "Dự án"
/// box of the seed article) is site navigation: it is not extracted with the article, even when it holds the
/// article's own words and sits in the same column without a telling class name.
/// </summary>
public sealed class HtmlNavigationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-html-nav-").FullName;

    [Fact]
    public async Task Extract_TeaserListInTheArticleColumn_IsLeftOut()
    {
        var paragraph = "Sau bốn năm thực hiện chương trình, các tỉnh đã đạt được những tiến bộ đáng kể trong cải cách hành chính, "
            + "bám sát chương trình tổng thể của Chính phủ và góp phần vào phát triển kinh tế - xã hội của địa phương.";
        var teasers = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<li><a href=\"/du-an/{i}\">Dự án {i}: Hỗ trợ chương trình cải cách hành chính cấp tỉnh giai đoạn {i}</a><br>Cải cách hành chính là chương trình do tỉnh thực hiện nhằm...</li>"));
        var html = $"""
            <html><head><title>Kinh nghiệm cải cách hành chính</title></head><body>
            <div id="col"><h1>Kinh nghiệm cải cách hành chính</h1>
            <p>{paragraph}</p><p>{paragraph} Bên cạnh những thành tựu này, các tỉnh còn gặp nhiều khó khăn.</p><p>{paragraph} Các bài học kinh nghiệm được in thành sách.</p>
            <h3>Dự án</h3><ul>{teasers}</ul></div>
            </body></html>
            """;
        var path = Path.Combine(_folder, "page.html");
        await File.WriteAllTextAsync(path, html);

        var document = await new HtmlExtractor().ExtractAsync(path, CancellationToken.None);

        var text = document.Pages[0].Text;
        Assert.Contains("Bên cạnh những thành tựu này", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dự án 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nhằm...", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
