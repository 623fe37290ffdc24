using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Web.Tests.Operations;

/// <summary>
/// What deploy/kb.service runs: <c>dotnet publish</c> of the web app (Release, framework-dependent) into a folder
/// of its own, started from there as <c>dotnet KnowledgeBase.Web.dll</c> with forwarded headers on, answers
/// <c>/health</c> and a search on loopback.
/// </summary>
public sealed class PublishedBuildTests
{
    [Fact]
    public async Task PublishedBuild_StartsAndAnswersHealthAndSearch()
    {
        var root = Path.Combine(Path.GetTempPath(), "kb-publish-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "app");
        try
        {
            await PublishAsync(output);
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));
            using var app = new WebAppProcess(Path.Combine(output, "KnowledgeBase.Web.dll"), new Dictionary<string, string>
            {
                ["KnowledgeBase:DataPath"] = Path.Combine(root, "data"),
                ["KnowledgeBase:SeedsPath"] = TestPaths.Seeds,
                ["Ingestion:PollInterval"] = "00:00:00.200",
                ["ForwardedHeaders:Enabled"] = "true",
            });
            await app.StartAsync(TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

            await JobWaiter.WaitForIdleAsync(client, TimeSpan.FromSeconds(120), expectedJobs: 3);
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            var healthJson = await health.Content.ReadAsStringAsync();
            Assert.True(health.StatusCode == HttpStatusCode.OK, healthJson);
            var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=GOPA");
            Assert.True(search.GetProperty("total").GetInt32() >= 1, app.Log);
            using var openApi = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", Path.Combine("src", "KnowledgeBase.Web"), "-c", "Release", "--no-self-contained", "-o", output, "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A Release build from scratch; a minute or two on an idle machine, far longer on a loaded one.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }
}
