using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Limits;

/// <summary><c>Auth:UploadsPerHour</c> = 2 (and no quota): counted per file and per user, admins exempt.</summary>
public sealed class UploadRateTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task A_user_over_the_rate_gets_429_with_retry_after_and_the_next_user_is_unaffected()
    {
        using var alice = Client(factory.CreateAccount("alice", UserRole.Editor));
        using var bob = Client(factory.CreateAccount("bob", UserRole.Editor));

        using var first = await LimitUploads.PostAsync(alice, ("a1.txt", 200), ("a2.txt", 200));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var over = await LimitUploads.PostAsync(alice, ("a3.txt", 200));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var retryAfter = over.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        var refusal = (await over.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal("rate_limited", refusal.GetProperty("error").GetString());

        // An address counts like a file, and is refused before anything is fetched.
        using var url = await alice.PostAsJsonAsync(new Uri("/api/documents/url", UriKind.Relative), new { url = "http://127.0.0.1:9/x.pdf" });
        Assert.Equal(HttpStatusCode.TooManyRequests, url.StatusCode);
        Assert.Equal("rate_limited", (await url.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var other = await LimitUploads.PostAsync(bob, ("b1.txt", 200));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task The_rate_counts_files_not_requests()
    {
        using var carol = Client(factory.CreateAccount("carol", UserRole.Editor));
        using var response = await LimitUploads.PostAsync(carol, ("c1.txt", 200), ("c2.txt", 200), ("c3.txt", 200));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal([true, true, false], results.Select(r => r.GetProperty("accepted").GetBoolean()));
        Assert.Equal("rate_limited", results[2].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Admins_are_exempt()
    {
        using var admin = Client(factory.AdminToken);
        using var response = await LimitUploads.PostAsync(admin, ("d1.txt", 200), ("d2.txt", 200), ("d3.txt", 200));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.All((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), r => Assert.True(r.GetProperty("accepted").GetBoolean()));
    }

    [Fact]
    public async Task A_quota_of_zero_is_unlimited()
    {
        // Far beyond the one megabyte the quota tests allow.
        using var erin = Client(factory.CreateAccount("erin", UserRole.Editor));
        using var response = await LimitUploads.PostAsync(erin, ("e1.txt", 1536 * 1024));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_upload_page_says_when_to_try_again()
    {
        factory.CreateAccount("frank", UserRole.Editor);
        using var frank = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(frank, "frank")).StatusCode);

        HttpResponseMessage? last = null;
        for (var i = 1; i <= 3; i++)
        {
            last?.Dispose();
            var token = await TestAccounts.FormTokenAsync(frank, "/upload");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { LimitUploads.File($"f{i}.txt", 200), "files", $"f{i}.txt" },
            };
            last = await frank.PostAsync(new Uri("/upload", UriKind.Relative), form);
        }

        using (last)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
            Assert.NotNull(last.Headers.RetryAfter);
            var page = HtmlPage.Parse(await last.Content.ReadAsStringAsync());
            Assert.Contains("hãy thử lại sau", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    private HttpClient Client(string token)
    {
        var client = factory.CreateAnonymousClient();
        client.UseToken(token);
        return client;
    }
}
