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

    /// <summary>
    /// How the index files are read (see <see cref="IndexDirectoryKind"/>): <see cref="IndexDirectoryKind.Mapped"/> by
    /// default, 0.72–0.82× SimpleFS's CPU a search at 1M (docs/performance.md, "Search:Directory=Mapped").
    /// </summary>
    public IndexDirectoryKind Directory { get; set; } = IndexDirectoryKind.Mapped;

    /// <summary>RAM buffer of the index writer before it flushes a segment.</summary>
    [Range(16, 2048)]
    public int RamBufferMb { get; set; } = 64;

    /// <summary>The default of <see cref="FacetDepth"/>.</summary>
    public const int DefaultFacetDepth = 2000;

    /// <summary>
    /// Facets and document groups of a search matching more passages than this are counted over its best-ranked this
    /// many ("about"), not over every match; 0 counts every match (docs/performance.md, Stop 17).
    /// </summary>
    [Range(0, 1_000_000)]
    public int FacetDepth { get; set; } = DefaultFacetDepth;

    /// <summary>The default of <see cref="Pruning"/>: on.</summary>
    public const bool DefaultPruning = true;

    /// <summary>
    /// Searches ranked by score — plain, and the search page grouped by document with facets — skip passages that cannot
    /// reach the page or its best <see cref="FacetDepth"/> (window-at-a-time MaxScore): the same passages, groups and
    /// facets, the totals of passages and documents then estimates ("about", <c>totalIsEstimate</c>) when the best
    /// passages are not every match. False scores every match (docs/performance.md, "Issue 11: window-at-a-time
    /// MaxScore", "Issue 11: the search page pruned").
    /// </summary>
    public bool Pruning { get; set; } = DefaultPruning;

    /// <summary>The default of <see cref="ParallelSearch"/>: on.</summary>
    public const bool DefaultParallelSearch = true;

    /// <summary>
    /// A heavy search pruned by <see cref="Pruning"/> (its terms holding at least 200,000 postings) is split into slices
    /// of the passages scored in parallel on the cores that no other search in flight is using (at most 4): the same
    /// results, sooner for one user; under as many concurrent searches as cores each stays on one thread. False keeps
    /// every search on one thread (docs/performance.md, "intra-query parallelism").
    /// </summary>
    public bool ParallelSearch { get; set; } = DefaultParallelSearch;

    /// <summary>The default of <see cref="CommonTermShare"/>: off.</summary>
    public const double DefaultCommonTermShare = 0;

    /// <summary>
    /// Syllables and pairs held by more than this share of the passages (e.g. 0.1) do not match on their own: they only
    /// add score to passages a rarer term of the query found; a query of common terms only is unchanged. 0 turns it off
    /// (docs/performance.md, issue 11: common terms).
    /// </summary>
    [Range(0.0, 1.0)]
    public double CommonTermShare { get; set; } = DefaultCommonTermShare;
}

/// <summary>Lucene's ways of reading index files.</summary>
public enum IndexDirectoryKind
{
    /// <summary>Buffered reads, one lock per file (the default until 2026-12-08; DESIGN.md chose it over Lucene.Net's MMap, 16–51× slower under parallel search in 4.8 betas).</summary>
    SimpleFS,

    /// <summary>Buffered positional reads.</summary>
    NIOFS,

    /// <summary>Lucene.Net's memory-mapped files (reads byte by byte through its <c>ByteBuffer</c> emulation: 1.2–4.4× slower than SimpleFS at 1M).</summary>
    MMap,

    /// <summary>Buffered positional reads (<c>pread</c>) without a lock, one handle per file shared by its clones (<see cref="Indexing.PositionalFSDirectory"/>).</summary>
    Positional,

    /// <summary>The default: memory-mapped files read through a raw pointer, one mapping per file shared by its clones and slices, released by the garbage collector (<see cref="Indexing.MappedDirectory"/>).</summary>
    Mapped,
}
