using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// The catalog's ingestion jobs (<c>jobs</c>): created at intake, claimed one at a time by the queue, moved through
/// their states. Every state change is committed before the method returns, so nothing is lost on a crash; a claim
/// is one atomic statement, so concurrent workers (threads or processes) never get the same job. Thread-safe and
/// safe across processes (see <see cref="CatalogDatabase"/>).
/// </summary>
public sealed class JobStore
{
    // id is the AUTOINCREMENT key: selected, never inserted.
    private static readonly CatalogColumns<JobInfo> Columns = new(
        ("id", null),
        ("content_hash", j => j.ContentHash),
        ("kind", j => j.Kind.ToString()),
        ("file_name", j => j.FileName),
        ("source", j => j.Source),
        ("state", j => j.State.ToString()),
        ("document_id", j => j.DocumentId),
        ("reason", j => j.Reason),
        ("attempts", j => j.Attempts),
        ("metadata", j => CatalogJson.Serialize(j.Metadata)),
        ("created_at", j => CatalogFormat.Time(j.CreatedAt)),
        ("updated_at", j => CatalogFormat.Time(j.UpdatedAt)),
        ("not_before", j => CatalogFormat.Time(j.NotBefore)));

    private readonly CatalogDatabase _database;

    public JobStore(CatalogDatabase database)
    {
        _database = database;
    }

    public JobInfo Create(
        string contentHash,
        DocumentKind kind,
        string fileName,
        string source,
        IntakeMetadata metadata,
        JobState state = JobState.Queued,
        string? documentId = null,
        string? reason = null)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new JobInfo
        {
            Id = 0,
            ContentHash = contentHash,
            Kind = kind,
            FileName = fileName,
            Source = source,
            State = state,
            DocumentId = documentId,
            Reason = reason,
            Attempts = 0,
            Metadata = metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return _database.QuerySingle(
            $"INSERT INTO jobs ({Columns.InsertNames}) VALUES ({Columns.InsertValues}) RETURNING {Columns.Names}",
            Read,
            Columns.Parameters(job))!;
    }

    /// <summary>Atomically takes the oldest queued job that may run now and marks it extracting.</summary>
    public JobInfo? ClaimNext(DateTimeOffset now) =>
        _database.QuerySingle(
            $"""
            UPDATE jobs SET state = 'Extracting', attempts = attempts + 1, updated_at = $now
            WHERE id = (SELECT id FROM jobs WHERE state = 'Queued' AND (not_before IS NULL OR not_before <= $now) ORDER BY id LIMIT 1)
            RETURNING {Columns.Names}
            """,
            Read,
            ("$now", CatalogFormat.Time(now)));

    /// <summary>A job's new state, its reason, its document (kept when null) and when it may run again.</summary>
    private const string UpdateState = "UPDATE jobs SET state = $st, reason = $r, document_id = COALESCE($d, document_id), not_before = $nb, updated_at = $now WHERE id = $id";

    public void SetState(long id, JobState state, string? reason = null, string? documentId = null, DateTimeOffset? notBefore = null) =>
        _database.Execute(
            UpdateState,
            ("$id", id),
            ("$st", state.ToString()),
            ("$r", reason),
            ("$d", documentId),
            ("$nb", CatalogFormat.Time(notBefore)),
            ("$now", CatalogFormat.Time(DateTimeOffset.UtcNow)));

    /// <summary>
    /// Several jobs' states as <see cref="SetState"/> sets one (without a delay), in one transaction: one sync of the
    /// write-ahead log for a batch of jobs (the worker's index batches, issue 11).
    /// </summary>
    public void SetStates(IReadOnlyList<(long Id, JobState State, string? Reason, string? DocumentId)> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return;
        }

        _database.InTransaction(connection =>
        {
            var now = CatalogFormat.Time(DateTimeOffset.UtcNow);
            foreach (var (id, state, reason, documentId) in states)
            {
                connection.Execute(
                    UpdateState,
                    ("$id", id),
                    ("$st", state.ToString()),
                    ("$r", reason),
                    ("$d", documentId),
                    ("$nb", (object?)null),
                    ("$now", now));
            }
        });
    }

    public JobInfo? Get(long id) => _database.QuerySingle($"SELECT {Columns.Names} FROM jobs WHERE id = $id", Read, ("$id", id));

    public IReadOnlyList<JobInfo> List(JobState? state = null, int offset = 0, int limit = 100) => List(Audience.Everyone, state, offset, limit);

    /// <summary>The jobs of documents this audience may see (by the document's visibility, else what the job asked for).</summary>
    public IReadOnlyList<JobInfo> List(Audience audience, JobState? state, int offset, int limit)
    {
        var (where, parameters) = Visible(audience);
        return state is { } s
            ? _database.Query($"SELECT {Columns.Names} FROM jobs WHERE state = $st AND {where} ORDER BY id DESC LIMIT $l OFFSET $o", Read, [.. parameters, ("$st", s.ToString()), ("$l", limit), ("$o", offset)])
            : _database.Query($"SELECT {Columns.Names} FROM jobs WHERE {where} ORDER BY id DESC LIMIT $l OFFSET $o", Read, [.. parameters, ("$l", limit), ("$o", offset)]);
    }

    /// <summary>One job, when this audience may see it.</summary>
    public JobInfo? Get(long id, Audience audience)
    {
        var (where, parameters) = Visible(audience);
        return _database.QuerySingle($"SELECT {Columns.Names} FROM jobs WHERE id = $id AND {where}", Read, [.. parameters, ("$id", id)]);
    }

    public IReadOnlyList<JobInfo> ListForDocument(string documentId) =>
        _database.Query($"SELECT {Columns.Names} FROM jobs WHERE document_id = $d ORDER BY id DESC", Read, ("$d", documentId));

    public IReadOnlyDictionary<JobState, int> CountByState() => CountByState(Audience.Everyone);

    /// <summary>How many jobs this audience may see, per state.</summary>
    public IReadOnlyDictionary<JobState, int> CountByState(Audience audience)
    {
        var (where, parameters) = Visible(audience);
        var counts = Enum.GetValues<JobState>().ToDictionary(s => s, _ => 0);
        foreach (var (state, count) in _database.Query($"SELECT state, COUNT(*) AS count FROM jobs WHERE {where} GROUP BY state", r => (r.Enum<JobState>("state"), r.Int32("count")), parameters))
        {
            counts[state] = count;
        }

        return counts;
    }

    /// <summary>An unfinished job for the same bytes, if any (so a second copy is a duplicate at once).</summary>
    public JobInfo? FindActiveByHash(string contentHash) =>
        _database.QuerySingle(
            $"SELECT {Columns.Names} FROM jobs WHERE content_hash = $h AND state IN ('Queued', 'Extracting', 'Indexing') ORDER BY id LIMIT 1",
            Read,
            ("$h", contentHash));

    /// <summary>The documents an unfinished job (queued or running) will index again.</summary>
    public IReadOnlyList<string> ActiveDocumentIds() =>
        _database.Query(
            "SELECT DISTINCT document_id FROM jobs WHERE state IN ('Queued', 'Extracting', 'Indexing') AND document_id IS NOT NULL",
            r => r.Text("document_id"));

    /// <summary>
    /// The content hashes of the unfinished jobs (queued, running, failed) <paramref name="addedBy"/> asked for whose
    /// content no document has yet: originals kept on disk that the documents' sizes do not count.
    /// </summary>
    public IReadOnlyList<string> PendingHashesBy(string addedBy) =>
        _database.Query(
            "SELECT DISTINCT content_hash FROM jobs WHERE state IN ('Queued', 'Extracting', 'Indexing', 'Failed') "
            + "AND json_extract(metadata, '$.addedBy') = $u AND content_hash NOT IN (SELECT content_hash FROM documents)",
            row => row.Text("content_hash"),
            ("$u", addedBy));

    /// <summary>Puts jobs that were running when the process died back in the queue. Returns how many.</summary>
    public int RequeueInterrupted() =>
        _database.Execute(
            "UPDATE jobs SET state = 'Queued', updated_at = $now WHERE state IN ('Extracting', 'Indexing')",
            ("$now", CatalogFormat.Time(DateTimeOffset.UtcNow)));

    /// <summary>Queues a failed job again from scratch. False when the job is not failed.</summary>
    public bool Retry(long id) =>
        _database.Execute(
            "UPDATE jobs SET state = 'Queued', attempts = 0, reason = NULL, not_before = NULL, updated_at = $now WHERE id = $id AND state = 'Failed'",
            ("$id", id),
            ("$now", CatalogFormat.Time(DateTimeOffset.UtcNow))) > 0;

    // A job's document decides once it exists (its visibility may have been edited since); before, what the job asked for.
    private static (string Sql, (string Name, object? Value)[] Parameters) Visible(Audience audience) =>
        CatalogAudience.Where(
            audience,
            "COALESCE((SELECT d.visibility FROM documents d WHERE d.id = jobs.document_id), json_extract(jobs.metadata, '$.visibility'), 'public')",
            "COALESCE((SELECT d.added_by FROM documents d WHERE d.id = jobs.document_id), json_extract(jobs.metadata, '$.addedBy'))");

    private static JobInfo Read(CatalogRow row) => new()
    {
        Id = row.Int64("id"),
        ContentHash = row.Text("content_hash"),
        Kind = row.Enum<DocumentKind>("kind"),
        FileName = row.Text("file_name"),
        Source = row.Text("source"),
        State = row.Enum<JobState>("state"),
        DocumentId = row.TextOrNull("document_id"),
        Reason = row.TextOrNull("reason"),
        Attempts = row.Int32("attempts"),
        Metadata = row.Json<IntakeMetadata>("metadata"),
        CreatedAt = row.Time("created_at"),
        UpdatedAt = row.Time("updated_at"),
        NotBefore = row.TimeOrNull("not_before"),
    };
}
