using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Limits;

/// <summary><c>Auth:StorageQuotaMb</c> = 1 (and no upload rate): refused with nothing stored, admins exempt.</summary>
public sealed class StorageQuotaTests(QuotaLimitedAppFactory factory) : IClassFixture<QuotaLimitedAppFactory>
{
    private const int Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_file_over_the_quota_is_refused_and_nothing_is_stored()
    {
        using var grace = Client(factory.CreateAccount("grace", UserRole.Editor));
        var before = await StoredAsync();

        using var response = await LimitUploads.PostAsync(grace, ("big.txt", Megabyte + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("quota_exceeded", (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("error").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task What_a_user_has_stored_counts_and_other_users_are_unaffected()
    {
        using var heidi = Client(factory.CreateAccount("heidi", UserRole.Editor));
        using var ivan = Client(factory.CreateAccount("ivan", UserRole.Editor));

        using var first = await LimitUploads.PostAsync(heidi, ("h1.txt", 600 * 1024));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        // Queued or already a document, the first file takes 600 KB of heidi's megabyte.
        var before = await StoredAsync();
        using var second = await LimitUploads.PostAsync(heidi, ("h2.txt", 600 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        Assert.Equal(before, await StoredAsync());

        using var other = await LimitUploads.PostAsync(ivan, ("i1.txt", 600 * 1024));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task Admins_are_exempt()
    {
        using var admin = Client(factory.AdminToken);
        using var response = await LimitUploads.PostAsync(admin, ("admin.txt", Megabyte + 1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_rate_of_zero_is_unlimited()
    {
        using var judy = Client(factory.CreateAccount("judy", UserRole.Editor));
        var files = Enumerable.Range(1, 6).Select(i => ($"j{i}.txt", 100)).ToArray();
        using var response = await LimitUploads.PostAsync(judy, files);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.All((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), r => Assert.True(r.GetProperty("accepted").GetBoolean()));
    }

    /// <summary>Once no job runs: the catalog's documents and jobs, and the originals on disk (temporary files included).</summary>
    private async Task<(int Documents, int Jobs, int Originals)> StoredAsync()
    {
        var catalog = factory.Services;
        var jobs = catalog.GetRequiredService<JobStore>();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (new[] { JobState.Queued, JobState.Extracting, JobState.Indexing }.Any(state => jobs.List(state, 0, 1).Count > 0))
        {
            Assert.True(DateTime.UtcNow < deadline, "the jobs did not finish within a minute");
            await Task.Delay(100);
        }

        var originals = Path.Combine(factory.DataPath, "originals");
        return (
            catalog.GetRequiredService<DocumentStore>().Count(),
            jobs.List(null, 0, 10_000).Count,
            Directory.Exists(originals) ? Directory.EnumerateFiles(originals, "*", SearchOption.AllDirectories).Count() : 0);
    }

    private HttpClient Client(string token)
    {
        var client = factory.CreateAnonymousClient();
        client.UseToken(token);
        return client;
    }
}
