using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Tests.Intake;

public sealed class InboxWatcherTests : IAsyncLifetime
{
    private IngestionHarness _harness = null!;
    private InboxWatcher _watcher = null!;
    private string _inbox = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness();
        _watcher = ActivatorUtilities.CreateInstance<InboxWatcher>(_harness.Services);
        _inbox = _harness.Services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value.Resolve("inbox");
        Directory.CreateDirectory(_inbox);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _watcher.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Scan_TakesSettledFilesIn_MovesThemOut_AndRejectsWithAReasonFile()
    {
        Drop("bao-cao.txt", "Báo cáo kết quả cải cách hành chính quý I.");
        Drop("bao-cao.txt.meta.json", """{"title": "Báo cáo quý I", "tags": ["quý I"]}""");
        Drop(Path.Combine("Sở Nội vụ", "tin.html"), "<html><head><title>Tin</title></head><body><p>Tin ngắn.</p></body></html>");
        Drop("anh.gif", "GIF89a\0\0\0");

        Assert.Equal(0, await _watcher.ScanAsync(_inbox, CancellationToken.None));
        var handled = await _watcher.ScanAsync(_inbox, CancellationToken.None);

        Assert.Equal(3, handled);
        Assert.True(File.Exists(Path.Combine(_inbox, "accepted", "bao-cao.txt")));
        Assert.True(File.Exists(Path.Combine(_inbox, "accepted", "bao-cao.txt.meta.json")));
        Assert.True(File.Exists(Path.Combine(_inbox, "accepted", "Sở Nội vụ", "tin.html")));
        Assert.True(File.Exists(Path.Combine(_inbox, "rejected", "anh.gif")));
        Assert.Contains("not a PDF", await File.ReadAllTextAsync(Path.Combine(_inbox, "rejected", "anh.gif.reason.txt")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_inbox, "bao-cao.txt")));

        var jobs = _harness.Jobs.List();
        var report = Assert.Single(jobs, j => j.FileName == "bao-cao.txt");
        Assert.Equal("inbox", report.Source);
        Assert.Equal("Báo cáo quý I", report.Metadata.Title);
        Assert.Equal("Sở Nội vụ", Assert.Single(jobs, j => j.FileName == "tin.html").Metadata.Collection);
    }

    [Fact]
    public async Task Scan_FileStillGrowing_IsLeftForALaterPass()
    {
        var path = Drop("dang-chep.txt", "Phần đầu");
        await _watcher.ScanAsync(_inbox, CancellationToken.None);
        await File.AppendAllTextAsync(path, " và phần sau.");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(0, await _watcher.ScanAsync(_inbox, CancellationToken.None));
        Assert.Equal(1, await _watcher.ScanAsync(_inbox, CancellationToken.None));
        Assert.Equal("dang-chep.txt", Assert.Single(_harness.Jobs.List()).FileName);
    }

    private string Drop(string relative, string content)
    {
        var path = Path.Combine(_inbox, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        return path;
    }
}
