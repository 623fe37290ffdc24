using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;
using KnowledgeBase.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Intake;

public sealed class UrlImporterTests : IAsyncLifetime
{
    private const string Article = """
        <!DOCTYPE html>
        <html lang="vi"><head><title>Cải cách thủ tục hành chính ở cấp xã - Báo Tỉnh</title>
        <meta property="article:published_time" content="2023-05-17T08:00:00+07:00">
        <link rel="canonical" href="https://baotinh.example.vn/cai-cach-thu-tuc-cap-xa.html"></head>
        <body><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
        <article><h1>Cải cách thủ tục hành chính ở cấp xã</h1>
        <p>Ủy ban nhân dân xã đã rà soát toàn bộ thủ tục hành chính, cắt giảm thời gian giải quyết hồ sơ cho người dân và doanh nghiệp trên địa bàn.</p>
        <p>Bộ phận một cửa tiếp nhận hồ sơ trực tuyến, trả kết quả qua dịch vụ bưu chính công ích, giúp người dân không phải đi lại nhiều lần.</p>
        <p>Kết quả khảo sát cho thấy mức độ hài lòng của người dân tăng rõ rệt so với năm trước, nhất là với thủ tục chứng thực và hộ tịch.</p>
        </article><footer>Bản quyền thuộc về Báo Tỉnh</footer></body></html>
        """;

    private IngestionHarness _harness = null!;
    private LocalWebServer _server = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness(new Dictionary<string, string?> { ["Ingestion:AllowPrivateAddresses"] = "true" });
        _server = new LocalWebServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _harness.DisposeAsync();
    }

    private UrlImporter Importer => _harness.Services.GetRequiredService<UrlImporter>();

    [Fact]
    public async Task Import_WebArticle_IsSnapshottedAndIndexedWithItsDateAndUrl()
    {
        _server.Serve("/bai-viet", "text/html; charset=utf-8", Article);
        var url = _server.BaseUrl + "bai-viet";

        var job = (await Importer.ImportAsync(url)).Job;
        _server.Serve("/bai-viet", "text/html", "<html><body>gone</body></html>");
        await _harness.DrainAsync();

        var done = _harness.Jobs.Get(job.Id)!;
        Assert.Equal(JobState.Done, done.State);
        var document = _harness.Documents.Get(done.DocumentId!)!;
        Assert.Equal(DocumentKind.Html, document.Kind);
        Assert.Equal(url, document.SourceUrl);
        Assert.Equal(new DateOnly(2023, 5, 17), document.Date);
        Assert.Equal("Cải cách thủ tục hành chính ở cấp xã", document.Title);
        var hits = _harness.Search.Search(new Core.Search.SearchRequest { Query = "mot cua truc tuyen" });
        Assert.Equal(document.Id, hits.Hits[0].DocumentId);
        Assert.DoesNotContain(hits.Hits, h => h.Text.Contains("Trang chủ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_FollowsRedirects_AndTakesPdfs()
    {
        _server.Serve("/files/an-le.pdf", "application/pdf", await File.ReadAllBytesAsync(Path.Combine(TestPaths.Seeds, "an_le_so_432021AL.pdf")));
        _server.Redirect("/tai-ve", "/files/an-le.pdf");

        var job = (await Importer.ImportAsync(_server.BaseUrl + "tai-ve")).Job;

        Assert.Equal(DocumentKind.Pdf, job.Kind);
        Assert.Equal("an-le.pdf", job.FileName);
    }

    [Fact]
    public async Task Import_SameUrlWithChangedContent_IsANewVersion()
    {
        var url = _server.BaseUrl + "tin";
        _server.Serve("/tin", "text/html", Article);
        var first = (await Importer.ImportAsync(url)).Job;
        await _harness.DrainAsync();
        _server.Serve("/tin", "text/html", Article.Replace("bưu chính công ích", "ứng dụng di động của tỉnh", StringComparison.Ordinal));
        var second = (await Importer.ImportAsync(url)).Job;
        await _harness.DrainAsync();

        var id = _harness.Jobs.Get(first.Id)!.DocumentId!;
        Assert.Equal(id, _harness.Jobs.Get(second.Id)!.DocumentId);
        Assert.Equal(2, _harness.Documents.Get(id)!.Version);
        Assert.Equal(0, _harness.Search.Search(new Core.Search.SearchRequest { Query = "\"buu chinh cong ich\"" }).TotalHits);
        Assert.Equal(1, _harness.Search.Search(new Core.Search.SearchRequest { Query = "\"ung dung di dong\"" }).TotalHits);
    }

    [Theory]
    [InlineData("ftp://example.org/a.pdf", IntakeError.InvalidUrl)]
    [InlineData("not a url", IntakeError.InvalidUrl)]
    [InlineData("file:///etc/passwd", IntakeError.InvalidUrl)]
    public async Task Import_NonHttpAddress_IsRefused(string url, IntakeError expected)
    {
        var error = await Assert.ThrowsAsync<IntakeException>(() => Importer.ImportAsync(url));
        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public async Task Import_DeadUrl_SaysItIsUnreachable()
    {
        var missing = await Assert.ThrowsAsync<IntakeException>(() => Importer.ImportAsync(_server.BaseUrl + "khong-co"));
        Assert.Equal(IntakeError.Unreachable, missing.Error);
        Assert.Contains("404", missing.Message, StringComparison.Ordinal);

        var closed = await Assert.ThrowsAsync<IntakeException>(() => Importer.ImportAsync("http://127.0.0.1:1/x"));
        Assert.Equal(IntakeError.Unreachable, closed.Error);
        Assert.Empty(_harness.Jobs.List());
    }

    [Theory]
    [InlineData("https://a.vn/tin/bai-viet", "text/html", "bai-viet.html")]
    [InlineData("https://a.vn/", "text/html", "a.vn.html")]
    [InlineData("https://a.vn/x.pdf", "application/pdf", "x.pdf")]
    public void FileNameFor_UsesTheLastSegmentOrTheHost(string url, string contentType, string fileName)
    {
        Assert.Equal(fileName, UrlImporter.FileNameFor(new Uri(url), contentType));
    }
}
