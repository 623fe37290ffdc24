using System.ComponentModel.DataAnnotations;

namespace KnowledgeBase.Web.Health;

/// <summary>What <c>/health</c> accepts as healthy (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Free space the data folder's disk must keep, in megabytes; below it <c>/health</c> answers 503.</summary>
    [Range(0, 10_000_000)]
    public long MinFreeDiskMb { get; set; } = 200;

    /// <summary>How long the worker may go without a heartbeat before it counts as dead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WorkerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the catalog probe waits for another writer before the catalog counts as not writable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan CatalogTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
