using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Storage;

namespace KnowledgeBase.Ingestion.Tests.Intake;

public sealed class IntakeServiceTests : IAsyncLifetime
{
    private IngestionHarness _harness = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness(new Dictionary<string, string?> { ["Ingestion:MaxFileMb"] = "1" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AddAsync_TextFile_StoresOriginalAndQueuesJob()
    {
        var result = await _harness.AddTextAsync("ghi-chu.txt", "Cải cách hành chính ở cấp tỉnh.");

        Assert.Equal(JobState.Queued, result.Job.State);
        Assert.Equal(KnowledgeBase.Core.Documents.DocumentKind.Text, result.Job.Kind);
        Assert.Equal("ghi-chu.txt", result.Job.FileName);
        var stored = Path.Combine(_harness.DataPath, "originals", result.Job.ContentHash[..2], result.Job.ContentHash);
        Assert.Equal("Cải cách hành chính ở cấp tỉnh.", await File.ReadAllTextAsync(stored));
    }

    [Fact]
    public async Task AddAsync_SameBytesWhileFirstIsQueued_IsRecordedAsDuplicate()
    {
        var first = await _harness.AddTextAsync("a.txt", "Nội dung giống nhau.");
        var second = await _harness.AddTextAsync("b.txt", "Nội dung giống nhau.");

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Contains(first.Job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_UnknownBinaryFormat_IsRefusedAndNotKept()
    {
        var bytes = new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0, 13 }; // GIF: not accepted
        var error = await Assert.ThrowsAsync<IntakeException>(() => _harness.Intake.AddAsync(new MemoryStream(bytes), "report.pdf", "test"));

        Assert.Equal(IntakeError.UnsupportedFormat, error.Error);
        Assert.Empty(_harness.Jobs.List());
        Assert.Empty(_harness.KeptOriginals());
    }

    [Fact]
    public async Task AddAsync_EmptyFile_IsRefused()
    {
        var error = await Assert.ThrowsAsync<IntakeException>(() => _harness.Intake.AddAsync(new MemoryStream(), "empty.txt", "test"));
        Assert.Equal(IntakeError.Empty, error.Error);
    }

    [Fact]
    public async Task AddAsync_OverTheSizeLimit_IsRefusedWithoutKeepingAPartialFile()
    {
        var big = new MemoryStream(new byte[(2 * 1024 * 1024) + 1]);
        var error = await Assert.ThrowsAsync<IntakeException>(() => _harness.Intake.AddAsync(big, "big.txt", "test"));

        Assert.Equal(IntakeError.TooLarge, error.Error);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_harness.DataPath, "originals"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AddAsync_TypeIsDecidedFromBytesNotName()
    {
        var result = await _harness.AddTextAsync("looks-like.pdf", "<!DOCTYPE html><html><head><title>Bài</title></head><body><p>Xin chào</p></body></html>");
        Assert.Equal(KnowledgeBase.Core.Documents.DocumentKind.Html, result.Job.Kind);
    }
}
