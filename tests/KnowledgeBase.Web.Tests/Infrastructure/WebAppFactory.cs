using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
