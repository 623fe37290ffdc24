using System.Text;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Intake;

/// <summary>Intake's storage allowance (what is left of a user's quota) and <see cref="StorageUsage"/>.</summary>
public sealed class StorageAllowanceTests : IAsyncLifetime
{
    private IngestionHarness _harness = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness(new Dictionary<string, string?> { ["Ingestion:MaxFileMb"] = "1" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_file_beyond_the_allowance_is_refused_as_quota_exceeded_and_not_kept()
    {
        var bytes = Encoding.UTF8.GetBytes("Báo cáo tổng kết công tác năm của phường, bản đầy đủ.");
        var error = await Assert.ThrowsAsync<IntakeException>(
            () => _harness.Intake.AddAsync(new MemoryStream(bytes), "bao-cao.txt", "test", new IntakeMetadata { AddedBy = "u" }, bytes.Length - 1, CancellationToken.None));

        Assert.Equal(IntakeError.QuotaExceeded, error.Error);
        Assert.Empty(_harness.Jobs.List());
        Assert.Empty(_harness.KeptOriginals());
    }

    [Fact]
    public async Task An_allowance_above_the_file_limit_leaves_the_file_limit_in_charge()
    {
        var error = await Assert.ThrowsAsync<IntakeException>(
            () => _harness.Intake.AddAsync(new MemoryStream(new byte[(1024 * 1024) + 1]), "lon.txt", "test", null, 10L * 1024 * 1024, CancellationToken.None));

        Assert.Equal(IntakeError.TooLarge, error.Error);
    }

    [Fact]
    public async Task An_address_beyond_the_allowance_is_refused_and_not_kept()
    {
        using var server = new LocalWebServer();
        var body = Encoding.UTF8.GetBytes("Thông báo của phường về lịch tiếp công dân trong tháng.");
        server.Serve("/thong-bao", "text/plain", body);
        await using var harness = new IngestionHarness(new Dictionary<string, string?> { ["Ingestion:AllowPrivateAddresses"] = "true" });
        var importer = harness.Services.GetRequiredService<UrlImporter>();

        var error = await Assert.ThrowsAsync<IntakeException>(
            () => importer.ImportAsync(server.BaseUrl + "thong-bao", new IntakeMetadata { AddedBy = "u" }, body.Length - 1, CancellationToken.None));

        Assert.Equal(IntakeError.QuotaExceeded, error.Error);
        Assert.Empty(harness.Jobs.List());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(harness.DataPath, "originals"), "*", SearchOption.AllDirectories));

        var taken = await importer.ImportAsync(server.BaseUrl + "thong-bao", new IntakeMetadata { AddedBy = "u" }, body.Length, CancellationToken.None);
        Assert.Equal(JobState.Queued, taken.Job.State);
    }

    [Fact]
    public async Task Usage_counts_queued_originals_then_documents_per_user()
    {
        var usage = _harness.Services.GetRequiredService<StorageUsage>();
        const string text = "Quyết định về việc kiện toàn tổ một cửa của phường.";
        var size = Encoding.UTF8.GetByteCount(text);

        await _harness.AddTextAsync("quyet-dinh.txt", text, new IntakeMetadata { AddedBy = "u" });
        Assert.Equal(size, usage.BytesOf("u"));

        await _harness.DrainAsync();
        Assert.Equal(size, usage.BytesOf("u"));
        Assert.Equal(0, usage.BytesOf("v"));
    }
}
