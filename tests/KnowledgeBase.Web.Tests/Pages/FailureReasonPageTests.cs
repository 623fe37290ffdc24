using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>Issue 12: a failed job's reason on the jobs page in each language, the stored message as its detail.</summary>
public sealed class FailureReasonPageTests : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client;

    public FailureReasonPageTests(WebAppFactory factory)
    {
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task JobsPage_EncryptedPdf_ReasonInVietnameseAndEnglishWithTheMessageAsDetail()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.Fixture("encrypted.pdf"))), "files", "mat-khau-trang.pdf" } };
        var response = await _client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var job = await JobWaiter.WaitForJobAsync(_client, accepted[0].GetProperty("job").GetProperty("id").GetInt64());
        Assert.Equal(("failed", "encrypted"), (job.GetProperty("state").GetString(), job.GetProperty("reasonCode").GetString()));

        var vietnamese = await HtmlPage.GetAsync(_client, "/jobs");
        var english = await HtmlPage.GetAsync(_client, "/jobs?lang=en");

        Assert.Contains(vietnamese.QuerySelectorAll("td.reason .reason-text[data-reason=encrypted]"), e => e.Text() == "Tệp được đặt mật khẩu (mã hoá), không đọc được nếu không có mật khẩu.");
        Assert.Contains(english.QuerySelectorAll("td.reason .reason-text[data-reason=encrypted]"), e => e.Text() == "The file is password-protected (encrypted) and cannot be read without its password.");
        Assert.Contains(vietnamese.QuerySelectorAll("td.reason details.reason-detail"), e => e.Text().Contains(job.GetProperty("reason").GetString()!, StringComparison.Ordinal));
    }
}
