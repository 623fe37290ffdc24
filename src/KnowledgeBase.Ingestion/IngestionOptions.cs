using System.ComponentModel.DataAnnotations;

namespace KnowledgeBase.Ingestion;

/// <summary>How documents come in and how the worker treats them.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest accepted file, in megabytes.</summary>
    [Range(1, 100_000)]
    public int MaxFileMb { get; set; } = 200;

    /// <summary>The catalog database, relative to the data folder.</summary>
    [Required]
    public string CatalogPath { get; set; } = "catalog.db";

    /// <summary>The content-addressed store of originals, relative to the data folder.</summary>
    [Required]
    public string OriginalsPath { get; set; } = "originals";

    /// <summary>The watched folder, relative to the data folder; empty to switch the inbox off.</summary>
    public string? InboxPath { get; set; } = "inbox";

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the web host runs the worker in-process (the default: one process writes the index).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Documents extracted at the same time; 0 means one per core.</summary>
    [Range(0, 64)]
    public int Parallelism { get; set; }

    /// <summary>
    /// Extracted documents the worker indexes together: written to the index in one batch (analysed on every core)
    /// and one commit, while the next ones are extracted. Also how many extracted documents may wait for the index.
    /// 1 indexes and commits each document on its own, in the job's slot.
    /// </summary>
    [Range(1, 1000)]
    public int IndexBatchDocuments { get; set; } = 64;

    /// <summary>A batch stops growing once it holds this many passages (a large document makes a batch of its own).</summary>
    [Range(1, 1_000_000)]
    public int IndexBatchPassages { get; set; } = 10_000;

    /// <summary>
    /// Longest time one document's extraction may go without progress before it fails: counted from the start, and
    /// for a document read by OCR from the last page read (a scanned book takes the time its pages need).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "10:00:00")]
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Longest time one document's extraction may take in all, however steadily its OCR pages come.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "24:00:00")]
    public TimeSpan ExtractionMaxTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Memory one document's extraction may use (the child process is stopped beyond it).</summary>
    [Range(64, 65_536)]
    public int ExtractionMemoryMb { get; set; } = 1536;

    /// <summary>Run each extraction in a child process that can be killed (robust), or in-process (tests, debugging).</summary>
    public ExtractionIsolation Isolation { get; set; } = ExtractionIsolation.ChildProcess;

    /// <summary>
    /// The host assembly beside the application to start extraction worker processes from (e.g.
    /// <c>KnowledgeBase.Web.dll</c>); empty means the running host itself.
    /// </summary>
    public string? ChildHost { get; set; }

    /// <summary>Attempts for transient failures (a crashed child, an I/O error) before a job fails.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubled on each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// First wait before the worker tries its start-up index work again (intent replay, rebuild or reconciliation)
    /// after it failed as a whole (a full disk at the commit); doubled on each further failure up to
    /// <see cref="StartupRetryMaxDelay"/>. The app keeps serving meanwhile; jobs wait in the queue.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan StartupRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two tries of the start-up index work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan StartupRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the idle worker waits before looking at the queue again (new jobs wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether URL import may fetch from this machine and private networks (loopback, RFC 1918, CGNAT,
    /// link-local, unique-local IPv6). Off by default: an address typed by a user must not reach the
    /// server's own services. Turn it on for an intranet that imports from its own sites.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The whole of one URL import — connection, headers, redirects and body — must end within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan UrlImportTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
