using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// The SQLite catalog: documents and their versions, extracted pages, ingestion jobs and settings.
/// Thread-safe and safe across processes (WAL, busy timeout): each call opens a pooled connection.
/// Every state change of a job is committed before the method returns, so nothing is lost on a crash.
/// </summary>
public sealed class CatalogStore
{
    private const string DocumentColumns =
        "id, title, kind, content_hash, content_type, file_name, source, source_url, author, date, language, page_count, size_bytes, tags, collection, visibility, added_by, added_at, version";

    private const string JobColumns =
        "id, content_hash, kind, file_name, source, state, document_id, reason, attempts, metadata, created_at, updated_at, not_before";

    private readonly string _connectionString;

    public CatalogStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Migrate();
    }

    // ---- documents ----

    public DocumentInfo? GetDocument(string id) =>
        QuerySingle($"SELECT {DocumentColumns} FROM documents WHERE id = $id", ReadDocument, ("$id", id));

    /// <summary>The documents with these ids (those that exist), by id, in one query: a page of results' documents.</summary>
    public IReadOnlyDictionary<string, DocumentInfo> GetDocuments(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, DocumentInfo>(StringComparer.Ordinal);
        }

        var parameters = distinct.Select((id, i) => ($"$i{i}", (object?)id)).ToArray();
        return Query($"SELECT {DocumentColumns} FROM documents WHERE id IN ({string.Join(", ", parameters.Select(p => p.Item1))})", ReadDocument, parameters)
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The document whose current or an earlier version has these bytes.</summary>
    public DocumentInfo? FindDocumentByHash(string contentHash) =>
        QuerySingle(
            $"SELECT {DocumentColumns} FROM documents WHERE content_hash = $h OR id IN (SELECT document_id FROM versions WHERE content_hash = $h) LIMIT 1",
            ReadDocument,
            ("$h", contentHash));

    public DocumentInfo? FindDocumentBySourceUrl(string url) =>
        QuerySingle($"SELECT {DocumentColumns} FROM documents WHERE source_url = $u LIMIT 1", ReadDocument, ("$u", url));

    public IReadOnlyList<DocumentInfo> ListDocuments(int offset = 0, int limit = 100) =>
        Query($"SELECT {DocumentColumns} FROM documents ORDER BY added_at DESC, id LIMIT $l OFFSET $o", ReadDocument, ("$l", limit), ("$o", offset));

    public int CountDocuments() => (int)Scalar<long>("SELECT COUNT(*) FROM documents");

    public IReadOnlyList<string> GetWarnings(string documentId) =>
        QuerySingle("SELECT warnings FROM documents WHERE id = $id", r => CatalogJson.Deserialize<List<string>>(r.GetString(0)), ("$id", documentId)) ?? [];

    /// <summary>Inserts or replaces a document, records its version and replaces its pages, in one transaction.</summary>
    public void SaveDocument(DocumentInfo document, IReadOnlyList<ExtractedPage> pages, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pages);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(
            connection,
            $"""
            INSERT OR REPLACE INTO documents ({DocumentColumns}, warnings)
            VALUES ($id, $title, $kind, $hash, $ctype, $file, $source, $url, $author, $date, $lang, $pages, $size, $tags, $coll, $vis, $by, $at, $ver, $warn)
            """,
            ("$id", document.Id),
            ("$title", document.Title),
            ("$kind", document.Kind.ToString()),
            ("$hash", document.ContentHash),
            ("$ctype", document.ContentType),
            ("$file", document.FileName),
            ("$source", document.Source),
            ("$url", document.SourceUrl),
            ("$author", document.Author),
            ("$date", document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$lang", document.Language),
            ("$pages", document.PageCount),
            ("$size", document.SizeBytes),
            ("$tags", CatalogJson.Serialize(document.Tags)),
            ("$coll", document.Collection),
            ("$vis", document.Visibility.ToString()),
            ("$by", document.AddedBy),
            ("$at", FormatTime(document.AddedAt)),
            ("$ver", document.Version),
            ("$warn", CatalogJson.Serialize(warnings)));
        Execute(
            connection,
            "INSERT OR REPLACE INTO versions (document_id, version, content_hash, added_at) VALUES ($id, $ver, $hash, $at)",
            ("$id", document.Id),
            ("$ver", document.Version),
            ("$hash", document.ContentHash),
            ("$at", FormatTime(DateTimeOffset.UtcNow)));
        Execute(connection, "DELETE FROM pages WHERE document_id = $id", ("$id", document.Id));
        foreach (var page in pages)
        {
            Execute(
                connection,
                "INSERT INTO pages (document_id, number, method, quality, verdict, blocks) VALUES ($id, $n, $m, $q, $v, $b)",
                ("$id", document.Id),
                ("$n", page.Number),
                ("$m", page.Method.ToString()),
                ("$q", page.Quality),
                ("$v", page.Verdict.ToString()),
                ("$b", CatalogJson.Serialize(page.Blocks)));
        }

        transaction.Commit();
    }

    /// <summary>Updates what staff may edit after ingestion (title, tags, collection, visibility).</summary>
    public void UpdateDocumentMetadata(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var connection = Open();
        Execute(
            connection,
            "UPDATE documents SET title = $title, tags = $tags, collection = $coll, visibility = $vis, author = $author, date = $date WHERE id = $id",
            ("$id", document.Id),
            ("$title", document.Title),
            ("$tags", CatalogJson.Serialize(document.Tags)),
            ("$coll", document.Collection),
            ("$vis", document.Visibility.ToString()),
            ("$author", document.Author),
            ("$date", document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    public IReadOnlyList<ExtractedPage> GetPages(string documentId) =>
        Query("SELECT number, method, quality, verdict, blocks FROM pages WHERE document_id = $id ORDER BY number", ReadPage, ("$id", documentId));

    /// <summary>
    /// Documents with pages staff should look at (garbled, needing OCR, empty), with those page numbers per
    /// verdict, most affected first.
    /// </summary>
    public IReadOnlyList<(DocumentInfo Document, IReadOnlyDictionary<PageVerdict, IReadOnlyList<int>> Pages)> ListDocumentsNeedingAttention(int limit = 200)
    {
        var rows = Query(
            "SELECT document_id, verdict, number FROM pages WHERE verdict IN ('Garbled', 'NeedsOcr', 'Empty') ORDER BY document_id, number",
            r => (Id: r.GetString(0), Verdict: Enum.Parse<PageVerdict>(r.GetString(1)), Number: r.GetInt32(2)));
        var groups = rows
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Take(limit)
            .ToList();
        var documents = GetDocuments(groups.Select(g => g.Key));
        return [.. groups
            .Where(g => documents.ContainsKey(g.Key))
            .Select(g => (documents[g.Key], (IReadOnlyDictionary<PageVerdict, IReadOnlyList<int>>)g
                .GroupBy(r => r.Verdict)
                .ToDictionary(v => v.Key, v => (IReadOnlyList<int>)[.. v.Select(r => r.Number)])))];
    }

    /// <summary>Content hashes of every version of the document (the originals to keep or delete).</summary>
    public IReadOnlyList<string> GetVersionHashes(string documentId) =>
        Query("SELECT content_hash FROM versions WHERE document_id = $id ORDER BY version", r => r.GetString(0), ("$id", documentId));

    /// <summary>Removes a document, its pages and versions. Returns false when it did not exist.</summary>
    public bool DeleteDocument(string documentId)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var removed = Execute(connection, "DELETE FROM documents WHERE id = $id", ("$id", documentId));
        Execute(connection, "DELETE FROM pages WHERE document_id = $id", ("$id", documentId));
        Execute(connection, "DELETE FROM versions WHERE document_id = $id", ("$id", documentId));
        transaction.Commit();
        return removed > 0;
    }

    /// <summary>True when any document or version still uses the original with this hash.</summary>
    public bool IsHashReferenced(string contentHash) =>
        Scalar<long>("SELECT COUNT(*) FROM versions WHERE content_hash = $h", ("$h", contentHash)) > 0;

    // ---- jobs ----

    public JobInfo CreateJob(
        string contentHash,
        DocumentKind kind,
        string fileName,
        string source,
        IntakeMetadata metadata,
        JobState state = JobState.Queued,
        string? documentId = null,
        string? reason = null)
    {
        var now = FormatTime(DateTimeOffset.UtcNow);
        return QuerySingle(
            $"""
            INSERT INTO jobs (content_hash, kind, file_name, source, state, document_id, reason, attempts, metadata, created_at, updated_at)
            VALUES ($h, $k, $f, $s, $st, $d, $r, 0, $m, $now, $now)
            RETURNING {JobColumns}
            """,
            ReadJob,
            ("$h", contentHash),
            ("$k", kind.ToString()),
            ("$f", fileName),
            ("$s", source),
            ("$st", state.ToString()),
            ("$d", documentId),
            ("$r", reason),
            ("$m", CatalogJson.Serialize(metadata)),
            ("$now", now))!;
    }

    /// <summary>Atomically takes the oldest queued job that may run now and marks it extracting.</summary>
    public JobInfo? ClaimNextJob(DateTimeOffset now)
    {
        var time = FormatTime(now);
        return QuerySingle(
            $"""
            UPDATE jobs SET state = 'Extracting', attempts = attempts + 1, updated_at = $now
            WHERE id = (SELECT id FROM jobs WHERE state = 'Queued' AND (not_before IS NULL OR not_before <= $now) ORDER BY id LIMIT 1)
            RETURNING {JobColumns}
            """,
            ReadJob,
            ("$now", time));
    }

    public void SetJobState(long id, JobState state, string? reason = null, string? documentId = null, DateTimeOffset? notBefore = null)
    {
        using var connection = Open();
        Execute(
            connection,
            "UPDATE jobs SET state = $st, reason = $r, document_id = COALESCE($d, document_id), not_before = $nb, updated_at = $now WHERE id = $id",
            ("$id", id),
            ("$st", state.ToString()),
            ("$r", reason),
            ("$d", documentId),
            ("$nb", notBefore is { } nb ? FormatTime(nb) : null),
            ("$now", FormatTime(DateTimeOffset.UtcNow)));
    }

    public JobInfo? GetJob(long id) => QuerySingle($"SELECT {JobColumns} FROM jobs WHERE id = $id", ReadJob, ("$id", id));

    public IReadOnlyList<JobInfo> ListJobs(JobState? state = null, int offset = 0, int limit = 100) =>
        state is { } s
            ? Query($"SELECT {JobColumns} FROM jobs WHERE state = $st ORDER BY id DESC LIMIT $l OFFSET $o", ReadJob, ("$st", s.ToString()), ("$l", limit), ("$o", offset))
            : Query($"SELECT {JobColumns} FROM jobs ORDER BY id DESC LIMIT $l OFFSET $o", ReadJob, ("$l", limit), ("$o", offset));

    public IReadOnlyList<JobInfo> ListJobsForDocument(string documentId) =>
        Query($"SELECT {JobColumns} FROM jobs WHERE document_id = $d ORDER BY id DESC", ReadJob, ("$d", documentId));

    public IReadOnlyDictionary<JobState, int> CountJobsByState()
    {
        var counts = Enum.GetValues<JobState>().ToDictionary(s => s, _ => 0);
        foreach (var (state, count) in Query("SELECT state, COUNT(*) FROM jobs GROUP BY state", r => (Enum.Parse<JobState>(r.GetString(0)), r.GetInt32(1))))
        {
            counts[state] = count;
        }

        return counts;
    }

    /// <summary>An unfinished job for the same bytes, if any (so a second copy is a duplicate at once).</summary>
    public JobInfo? FindActiveJobByHash(string contentHash) =>
        QuerySingle(
            $"SELECT {JobColumns} FROM jobs WHERE content_hash = $h AND state IN ('Queued', 'Extracting', 'Indexing') ORDER BY id LIMIT 1",
            ReadJob,
            ("$h", contentHash));

    /// <summary>Puts jobs that were running when the process died back in the queue. Returns how many.</summary>
    public int RequeueInterruptedJobs()
    {
        using var connection = Open();
        return Execute(
            connection,
            "UPDATE jobs SET state = 'Queued', updated_at = $now WHERE state IN ('Extracting', 'Indexing')",
            ("$now", FormatTime(DateTimeOffset.UtcNow)));
    }

    /// <summary>Queues a failed job again from scratch. False when the job is not failed.</summary>
    public bool RetryJob(long id)
    {
        using var connection = Open();
        return Execute(
            connection,
            "UPDATE jobs SET state = 'Queued', attempts = 0, reason = NULL, not_before = NULL, updated_at = $now WHERE id = $id AND state = 'Failed'",
            ("$id", id),
            ("$now", FormatTime(DateTimeOffset.UtcNow))) > 0;
    }

    // ---- settings ----

    public string? GetSetting(string key) => QuerySingle("SELECT value FROM settings WHERE key = $k", r => r.GetString(0), ("$k", key));

    public void SetSetting(string key, string value)
    {
        using var connection = Open();
        Execute(connection, "INSERT OR REPLACE INTO settings (key, value) VALUES ($k, $v)", ("$k", key), ("$v", value));
    }

    // ---- plumbing ----

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DocumentInfo ReadDocument(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Title = r.GetString(1),
        Kind = Enum.Parse<DocumentKind>(r.GetString(2)),
        ContentHash = r.GetString(3),
        ContentType = r.GetString(4),
        FileName = r.GetString(5),
        Source = r.GetString(6),
        SourceUrl = r.IsDBNull(7) ? null : r.GetString(7),
        Author = r.IsDBNull(8) ? null : r.GetString(8),
        Date = r.IsDBNull(9) ? null : DateOnly.ParseExact(r.GetString(9), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Language = r.GetString(10),
        PageCount = r.GetInt32(11),
        SizeBytes = r.GetInt64(12),
        Tags = CatalogJson.Deserialize<List<string>>(r.GetString(13)),
        Collection = r.IsDBNull(14) ? null : r.GetString(14),
        Visibility = Enum.Parse<DocumentVisibility>(r.GetString(15)),
        AddedBy = r.IsDBNull(16) ? null : r.GetString(16),
        AddedAt = ParseTime(r.GetString(17)),
        Version = r.GetInt32(18),
    };

    private static ExtractedPage ReadPage(SqliteDataReader r) => new()
    {
        Number = r.GetInt32(0),
        Method = Enum.Parse<ExtractionMethod>(r.GetString(1)),
        Quality = r.IsDBNull(2) ? null : r.GetDouble(2),
        Verdict = Enum.Parse<PageVerdict>(r.GetString(3)),
        Blocks = CatalogJson.Deserialize<List<TextBlock>>(r.GetString(4)),
    };

    private static JobInfo ReadJob(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ContentHash = r.GetString(1),
        Kind = Enum.Parse<DocumentKind>(r.GetString(2)),
        FileName = r.GetString(3),
        Source = r.GetString(4),
        State = Enum.Parse<JobState>(r.GetString(5)),
        DocumentId = r.IsDBNull(6) ? null : r.GetString(6),
        Reason = r.IsDBNull(7) ? null : r.GetString(7),
        Attempts = r.GetInt32(8),
        Metadata = CatalogJson.Deserialize<IntakeMetadata>(r.GetString(9)),
        CreatedAt = ParseTime(r.GetString(10)),
        UpdatedAt = ParseTime(r.GetString(11)),
        NotBefore = r.IsDBNull(12) ? null : ParseTime(r.GetString(12)),
    };

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Migrate()
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        var version = (int)(long)new SqliteCommand("PRAGMA user_version;", connection, transaction).ExecuteScalar()!;
        for (var i = version; i < CatalogSchema.Migrations.Length; i++)
        {
            Execute(connection, CatalogSchema.Migrations[i]);
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {i + 1};"));
        }

        transaction.Commit();
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        return command.ExecuteNonQuery();
    }

    private T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private T? QuerySingle<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
        where T : class =>
        Query(sql, read, parameters).FirstOrDefault();

    private static void AddParameters(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
