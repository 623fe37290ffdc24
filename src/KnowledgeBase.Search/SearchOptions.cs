using System.ComponentModel.DataAnnotations;

namespace KnowledgeBase.Search;

/// <summary>Where the index lives and how often searches see new writes.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Folder of the Lucene index; relative paths are under the data folder.</summary>
    [Required]
    public string IndexPath { get; set; } = "lucene";

    /// <summary>How often the near-real-time searcher is refreshed in the background.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>RAM buffer of the index writer before it flushes a segment.</summary>
    [Range(16, 2048)]
    public int RamBufferMb { get; set; } = 64;
}
