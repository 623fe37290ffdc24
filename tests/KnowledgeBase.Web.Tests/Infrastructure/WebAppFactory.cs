using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// The web app in memory over a fresh temporary data folder, seeded from the repository's <c>seeds/</c>.
/// Extraction runs in-process here (the child-process path is covered by the real-process tests).
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public WebAppFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "kb-web-" + Guid.NewGuid().ToString("N"));
    }

    public string DataPath { get; }

    /// <summary>The token of <see cref="TestAccounts.AdminName"/>, which <see cref="WebApplicationFactory{T}.CreateClient()"/>'s clients carry.</summary>
    public string AdminToken => _adminToken ??= CreateAccount(TestAccounts.AdminName, Ingestion.Accounts.UserRole.Admin);

    private string? _adminToken;

    /// <summary>Adds an account to the running app's catalog and returns a token for it.</summary>
    public string CreateAccount(string name, Ingestion.Accounts.UserRole role)
    {
        var accounts = Services.GetRequiredService<Ingestion.Accounts.AccountStore>();
        accounts.Add(name, role, TestAccounts.Password);
        return Services.GetRequiredService<Ingestion.Accounts.TokenStore>().Create(name, "tests")!;
    }

    /// <summary>A client that has not signed in (it keeps cookies, so it can sign in later) and does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Clients act as the test admin unless told otherwise (<see cref="CreateAnonymousClient"/>).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.UseToken(AdminToken);
    }

    protected virtual string? SeedsPath => TestPaths.Seeds;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("KnowledgeBase:DataPath", DataPath);
        builder.UseSetting("KnowledgeBase:SeedsPath", SeedsPath ?? string.Empty);
        builder.UseSetting("Ingestion:Isolation", "InProcess");
        builder.UseSetting("Ingestion:PollInterval", "00:00:00.100");
        builder.UseSetting("Ingestion:InboxPollInterval", "00:00:00.200");
        builder.UseSetting("Search:RefreshInterval", "00:00:00.200");
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned eventually.
            }
        }
    }
}
