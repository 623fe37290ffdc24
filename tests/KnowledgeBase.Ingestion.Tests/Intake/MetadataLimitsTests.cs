using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Tests.Intake;

/// <summary>The metadata limits hold at intake, the door every route goes through, and for sidecars of the inbox.</summary>
public sealed class MetadataLimitsTests : IAsyncLifetime
{
    private IngestionHarness _harness = null!;

    public Task InitializeAsync()
    {
        _harness = new IngestionHarness();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<IntakeMetadata> OverLong =>
    [
        new IntakeMetadata { Title = new string('t', MetadataLimits.TitleLength + 1) },
        new IntakeMetadata { Author = new string('a', MetadataLimits.AuthorLength + 1) },
        new IntakeMetadata { Collection = new string('c', MetadataLimits.CollectionLength + 1) },
        new IntakeMetadata { Tags = [new string('g', MetadataLimits.TagLength + 1)] },
        new IntakeMetadata { Tags = [.. Enumerable.Range(0, MetadataLimits.TagCount + 1).Select(i => "n" + i)] },
    ];

    [Theory]
    [MemberData(nameof(OverLong))]
    public async Task Intake_OverLongMetadata_IsRefusedAndNothingIsStored(IntakeMetadata metadata)
    {
        var error = await Assert.ThrowsAsync<IntakeException>(() => _harness.AddTextAsync("a.txt", "Kế hoạch cải cách hành chính của tỉnh.", metadata));

        Assert.Equal(IntakeError.InvalidMetadata, error.Error);
        Assert.Empty(_harness.Jobs.List());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_harness.DataPath, "originals"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Intake_MetadataAtTheLimits_IsTaken()
    {
        var metadata = new IntakeMetadata
        {
            Title = new string('t', MetadataLimits.TitleLength),
            Author = new string('a', MetadataLimits.AuthorLength),
            Collection = new string('c', MetadataLimits.CollectionLength),
            Tags = [.. Enumerable.Range(0, MetadataLimits.TagCount).Select(i => i + new string('g', MetadataLimits.TagLength - 2))],
        };

        var result = await _harness.AddTextAsync("a.txt", "Kế hoạch cải cách hành chính của tỉnh.", metadata);

        Assert.Equal(JobState.Queued, result.Job.State);
    }

    [Fact]
    public async Task Inbox_SidecarWithOverLongTitle_IsRejectedWithTheReason()
    {
        using var watcher = ActivatorUtilities.CreateInstance<InboxWatcher>(_harness.Services);
        var inbox = _harness.Services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value.Resolve("inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "dai.txt"), "Báo cáo kết quả cải cách hành chính quý I.");
        await File.WriteAllTextAsync(Path.Combine(inbox, "dai.txt.meta.json"), $$"""{"title": "{{new string('t', 301)}}"}""");
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "dai.txt"), DateTime.UtcNow.AddMinutes(-1));

        await watcher.ScanAsync(inbox, CancellationToken.None);
        await watcher.ScanAsync(inbox, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(inbox, "rejected", "dai.txt")));
        Assert.Contains("title is longer than 300", await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", "dai.txt.reason.txt")), StringComparison.Ordinal);
        Assert.Empty(_harness.Jobs.List());
    }
}
