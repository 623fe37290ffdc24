using System.Net;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Tests.Infrastructure;
using KnowledgeBase.Web.Tests.Operations;

namespace KnowledgeBase.Web.Tests.Limits;

/// <summary><c>Auth:UploadsPerHour</c> across a restart: the files added before it still count (from the audit trail).</summary>
public sealed class UploadRateRestartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-rate-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Uploads_before_a_restart_still_count_in_the_new_instance()
    {
        string token;
        using (var first = App())
        {
            token = first.CreateAccount("gina", UserRole.Editor);
            using var gina = Client(first, token);
            using var accepted = await LimitUploads.PostAsync(gina, ("g1.txt", 200), ("g2.txt", 200));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var second = App();
        using var again = Client(second, token);
        using var over = await LimitUploads.PostAsync(again, ("g3.txt", 200));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.InRange(over.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));

        // Another user of the same folder has their whole hour.
        using var other = Client(second, second.CreateAccount("hanh", UserRole.Editor));
        using var fresh = await LimitUploads.PostAsync(other, ("h1.txt", 200));
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
    }

    private EmptyAppFactory App() => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["KnowledgeBase:DataPath"] = _data,
            ["Auth:UploadsPerHour"] = "2",
            ["Auth:StorageQuotaMb"] = "0",
            ["Ingestion:RunWorker"] = "false",
        },
    };

    private static HttpClient Client(WebAppFactory factory, string token)
    {
        var client = factory.CreateAnonymousClient();
        client.UseToken(token);
        return client;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder eventually.
        }
    }
}
