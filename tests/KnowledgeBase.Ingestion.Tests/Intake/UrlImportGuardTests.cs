using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Intake.Addresses;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Intake;

/// <summary>
/// URL import as an attacker would use it, against servers on 127.0.0.1 only: every spelling of this machine
/// is refused before a byte is sent, also behind a redirect; odd schemes in a redirect are refused clearly;
/// a slow body is cut off; a failed connection says nothing about the port.
/// </summary>
public sealed class UrlImportGuardTests : IAsyncLifetime
{
    private LocalWebServer _server = null!;
    private LocalWebServer _inside = null!;

    public Task InitializeAsync()
    {
        _server = new LocalWebServer();
        _inside = new LocalWebServer();
        _inside.Serve("/secret", "text/plain", "tài liệu nội bộ, không được đọc từ ngoài vào");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _inside.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string> LoopbackSpellings =>
    [
        "http://127.0.0.1:{0}/secret",
        "https://127.0.0.1:{0}/secret",
        "http://127.1:{0}/secret",
        "http://127.0.1:{0}/secret",
        "http://2130706433:{0}/secret",
        "http://0x7f000001:{0}/secret",
        "http://0x7F.0.0.1:{0}/secret",
        "http://0177.0.0.1:{0}/secret",
        "http://0177.1:{0}/secret",
        "http://017700000001:{0}/secret",
        "http://127.000.000.001:{0}/secret",
        "http://localhost:{0}/secret",
        "http://LocalHost:{0}/secret",
        "http://0.0.0.0:{0}/secret",
        "http://0:{0}/secret",
        "http://[::1]:{0}/secret",
        "http://[::]:{0}/secret",
        "http://[0:0:0:0:0:0:0:1]:{0}/secret",
        "http://[::ffff:127.0.0.1]:{0}/secret",
        "http://[::ffff:7f00:1]:{0}/secret",
        "http://[0:0:0:0:0:ffff:127.0.0.1]:{0}/secret",
        "http://example.com@127.0.0.1:{0}/secret",
        "http://user:pass@localhost:{0}/secret",
        "http://127.0.0.1:{0}/secret#@example.com",
    ];

    [Theory]
    [MemberData(nameof(LoopbackSpellings))]
    public async Task Import_EverySpellingOfThisMachine_IsRefusedBeforeConnecting(string spelling)
    {
        await using var harness = new IngestionHarness();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, _inside.Port);

        var error = await Assert.ThrowsAsync<IntakeException>(() => Importer(harness).ImportAsync(url));

        Assert.Equal(IntakeError.ForbiddenAddress, error.Error);
        Assert.Equal(0, _inside.TotalHits);
        Assert.Empty(harness.Jobs.List());
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/secret")]
    [InlineData("http://2130706433:{0}/secret")]
    [InlineData("http://0x7f.1:{0}/secret")]
    [InlineData("http://localhost:{0}/secret")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/secret")]
    [InlineData("http://a@127.0.0.1:{0}/secret")]
    public async Task Import_RedirectToThisMachine_IsRefused(string spelling)
    {
        await using var harness = WithOutsideServer();
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, _inside.Port);
        _server.Redirect("/start", _server.BaseUrl + "hop");
        _server.Redirect("/hop", target);

        var error = await Assert.ThrowsAsync<IntakeException>(() => Importer(harness).ImportAsync(_server.BaseUrl + "start"));

        Assert.Equal(IntakeError.ForbiddenAddress, error.Error);
        Assert.Equal(1, _server.Hits("/hop"));
        Assert.Equal(0, _inside.TotalHits);
        Assert.Empty(harness.Jobs.List());
    }

    [Fact]
    public async Task Import_FromTheAllowedServer_Works()
    {
        await using var harness = WithOutsideServer();
        _server.Serve("/bai", "text/plain", "Ủy ban nhân dân tỉnh công bố kế hoạch cải cách hành chính năm nay.");

        var result = await Importer(harness).ImportAsync(_server.BaseUrl + "bai");

        Assert.Equal("bai.txt", result.Job.FileName);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://127.0.0.1/a.pdf", "ftp")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data")]
    public async Task Import_RedirectToAnotherScheme_IsAClearRefusal(string target, string scheme)
    {
        await using var harness = WithOutsideServer();
        _server.Redirect("/go", target);

        var error = await Assert.ThrowsAsync<IntakeException>(() => Importer(harness).ImportAsync(_server.BaseUrl + "go"));

        Assert.Equal(IntakeError.InvalidUrl, error.Error);
        Assert.Contains($"redirected to a {scheme}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SlowBody_IsCutOffAtTheTimeLimit()
    {
        await using var harness = new IngestionHarness(new Dictionary<string, string?>
        {
            ["Ingestion:AllowPrivateAddresses"] = "true",
            ["Ingestion:UrlImportTimeout"] = "00:00:01.500",
        });
        _server.ServeSlowly("/cham", 1_000_000);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<IntakeException>(() => Importer(harness).ImportAsync(_server.BaseUrl + "cham"));

        Assert.Equal(IntakeError.Unreachable, error.Error);
        Assert.Contains("within 1.5 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.Empty(harness.Jobs.List());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(harness.DataPath, "originals"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Import_ClosedOrDroppingPort_ReadTheSameAndNameNoPort()
    {
        await using var harness = new IngestionHarness(new Dictionary<string, string?> { ["Ingestion:AllowPrivateAddresses"] = "true" });
        var closedPort = LoopbackPort.Free();
        using var dropping = new TcpListener(IPAddress.Loopback, 0);
        dropping.Start();
        var droppingPort = ((IPEndPoint)dropping.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        // Every connection is reset as soon as it is accepted: the client may retry on a new connection.
        var dropper = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await dropping.AcceptTcpClientAsync(stop.Token);
                    client.Client.LingerState = new LingerOption(true, 0);
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });

        var closed = await Assert.ThrowsAsync<IntakeException>(() => Importer(harness).ImportAsync($"http://127.0.0.1:{closedPort}/x"));
        var dropped = await Assert.ThrowsAsync<IntakeException>(() => Importer(harness).ImportAsync($"http://127.0.0.1:{droppingPort}/x"));
        await stop.CancelAsync();
        await dropper;

        Assert.Equal(IntakeError.Unreachable, closed.Error);
        Assert.Equal(closed.Error, dropped.Error);
        Assert.Equal(closed.Message, dropped.Message);
        Assert.DoesNotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), closed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", closed.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static UrlImporter Importer(IngestionHarness harness) => harness.Services.GetRequiredService<UrlImporter>();

    /// <summary>Private addresses refused, but the test server's own endpoint allowed, as if it were on the internet.</summary>
    private IngestionHarness WithOutsideServer() => new(configure: services =>
        services.AddSingleton(new ImportAddressPolicy(false, [new IPEndPoint(IPAddress.Loopback, _server.Port)])));
}
