using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// The catalog's documents: each document's current version (<c>documents</c>), the hashes of all its versions
/// (<c>versions</c>) and its extracted pages (<c>pages</c>). A document, its version and its pages are saved or
/// deleted together in one transaction. Thread-safe and safe across processes (see <see cref="CatalogDatabase"/>).
/// </summary>
public sealed class DocumentStore
{
    private static readonly CatalogColumns<DocumentInfo> Columns = new(
        ("id", d => d.Id),
        ("title", d => d.Title),
        ("kind", d => d.Kind.ToString()),
        ("content_hash", d => d.ContentHash),
        ("content_type", d => d.ContentType),
        ("file_name", d => d.FileName),
        ("source", d => d.Source),
        ("source_url", d => d.SourceUrl),
        ("author", d => d.Author),
        ("date", d => CatalogFormat.Date(d.Date)),
        ("language", d => d.Language),
        ("page_count", d => d.PageCount),
        ("size_bytes", d => d.SizeBytes),
        ("tags", d => CatalogJson.Serialize(d.Tags)),
        ("collection", d => d.Collection),
        ("visibility", d => d.Visibility.ToString()),
        ("added_by", d => d.AddedBy),
        ("added_at", d => CatalogFormat.Time(d.AddedAt)),
        ("version", d => d.Version));

    private static readonly CatalogColumns<ExtractedPage> PageColumns = new(
        ("number", p => p.Number),
        ("method", p => p.Method.ToString()),
        ("quality", p => p.Quality),
        ("verdict", p => p.Verdict.ToString()),
        ("blocks", p => CatalogJson.Serialize(p.Blocks)));

    private readonly CatalogDatabase _database;

    public DocumentStore(CatalogDatabase database)
    {
        _database = database;
    }

    public DocumentInfo? Get(string id) =>
        _database.QuerySingle($"SELECT {Columns.Names} FROM documents WHERE id = $id", Read, ("$id", id));

    /// <summary>The id of every document (the index's reconciliation with the catalog on start).</summary>
    public IReadOnlyList<string> Ids() => _database.Query("SELECT id FROM documents", r => r.Text("id"));

    /// <summary>The documents with these ids (those that exist), by id, in one query: a page of results' documents.</summary>
    public IReadOnlyDictionary<string, DocumentInfo> GetMany(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, DocumentInfo>(StringComparer.Ordinal);
        }

        var parameters = distinct.Select((id, i) => ($"$i{i}", (object?)id)).ToArray();
        return _database.Query($"SELECT {Columns.Names} FROM documents WHERE id IN ({string.Join(", ", parameters.Select(p => p.Item1))})", Read, parameters)
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The document whose current or an earlier version has these bytes.</summary>
    public DocumentInfo? FindByHash(string contentHash) =>
        _database.QuerySingle(
            $"SELECT {Columns.Names} FROM documents WHERE content_hash = $h OR id IN (SELECT document_id FROM versions WHERE content_hash = $h) LIMIT 1",
            Read,
            ("$h", contentHash));

    public DocumentInfo? FindBySourceUrl(string url) =>
        _database.QuerySingle($"SELECT {Columns.Names} FROM documents WHERE source_url = $u LIMIT 1", Read, ("$u", url));

    /// <summary>
    /// The document of this address that <paramref name="addedBy"/> added (null: one added by no account — the inbox,
    /// seeds, kb without the app): the one a new import of the address by them becomes the next version of.
    /// </summary>
    public DocumentInfo? FindBySourceUrl(string url, string? addedBy) =>
        _database.QuerySingle($"SELECT {Columns.Names} FROM documents WHERE source_url = $u AND added_by IS $a LIMIT 1", Read, ("$u", url), ("$a", addedBy));

    public IReadOnlyList<DocumentInfo> List(int offset = 0, int limit = 100) => List(Audience.Everyone, offset, limit);

    /// <summary>The documents this audience may see, newest first.</summary>
    public IReadOnlyList<DocumentInfo> List(Audience audience, int offset, int limit)
    {
        var (where, parameters) = Visible(audience);
        return _database.Query($"SELECT {Columns.Names} FROM documents WHERE {where} ORDER BY added_at DESC, id LIMIT $l OFFSET $o", Read, [.. parameters, ("$l", limit), ("$o", offset)]);
    }

    public int Count() => Count(Audience.Everyone);

    /// <summary>How many documents this audience may see.</summary>
    public int Count(Audience audience)
    {
        var (where, parameters) = Visible(audience);
        return (int)_database.Scalar<long>($"SELECT COUNT(*) FROM documents WHERE {where}", parameters);
    }

    public IReadOnlyList<string> GetWarnings(string documentId) =>
        _database.QuerySingle("SELECT warnings FROM documents WHERE id = $id", r => r.Json<List<string>>("warnings"), ("$id", documentId)) ?? [];

    /// <summary>Inserts or replaces a document, records its version and replaces its pages, in one transaction.</summary>
    public void Save(DocumentInfo document, IReadOnlyList<ExtractedPage> pages, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pages);
        _database.InTransaction(connection => Save(connection, document, pages, warnings));
    }

    /// <summary>
    /// Several documents as <see cref="Save(DocumentInfo, IReadOnlyList{ExtractedPage}, IReadOnlyList{string})"/> does one,
    /// all in one transaction (one sync of the write-ahead log instead of one a document: the bulk paths, issue 11):
    /// all saved, or none when one fails.
    /// </summary>
    public void SaveMany(IReadOnlyList<(DocumentInfo Document, IReadOnlyList<ExtractedPage> Pages, IReadOnlyList<string> Warnings)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return;
        }

        foreach (var (document, pages, warnings) in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(pages);
            ArgumentNullException.ThrowIfNull(warnings);
        }

        _database.InTransaction(connection =>
        {
            foreach (var (document, pages, warnings) in documents)
            {
                Save(connection, document, pages, warnings);
            }
        });
    }

    private static void Save(CatalogConnection connection, DocumentInfo document, IReadOnlyList<ExtractedPage> pages, IReadOnlyList<string> warnings)
    {
        connection.Execute(
            $"INSERT OR REPLACE INTO documents ({Columns.InsertNames}, warnings) VALUES ({Columns.InsertValues}, $warnings)",
            [.. Columns.Parameters(document), ("$warnings", CatalogJson.Serialize(warnings))]);
        connection.Execute(
            "INSERT OR REPLACE INTO versions (document_id, version, content_hash, added_at) VALUES ($id, $ver, $hash, $at)",
            ("$id", document.Id),
            ("$ver", document.Version),
            ("$hash", document.ContentHash),
            ("$at", CatalogFormat.Time(DateTimeOffset.UtcNow)));
        connection.Execute("DELETE FROM pages WHERE document_id = $document_id", ("$document_id", document.Id));
        foreach (var page in pages)
        {
            connection.Execute(
                $"INSERT INTO pages (document_id, {PageColumns.InsertNames}) VALUES ($document_id, {PageColumns.InsertValues})",
                [("$document_id", document.Id), .. PageColumns.Parameters(page)]);
        }
    }

    /// <summary>Updates what staff may edit after ingestion (title, tags, collection, visibility, author, date).</summary>
    public void UpdateMetadata(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _database.Execute(
            "UPDATE documents SET title = $title, tags = $tags, collection = $collection, visibility = $visibility, author = $author, date = $date WHERE id = $id",
            Columns.Parameters(document));
    }

    public IReadOnlyList<ExtractedPage> GetPages(string documentId) =>
        _database.Query($"SELECT {PageColumns.Names} FROM pages WHERE document_id = $id ORDER BY number", ReadPage, ("$id", documentId));

    /// <summary>
    /// Documents with pages staff should look at (garbled, needing OCR, empty), with those page numbers per
    /// verdict, most affected first.
    /// </summary>
    public IReadOnlyList<(DocumentInfo Document, IReadOnlyDictionary<PageVerdict, IReadOnlyList<int>> Pages)> ListNeedingAttention(int limit = 200) =>
        ListNeedingAttention(Audience.Everyone, limit);

    /// <summary>The documents needing attention that this audience may see.</summary>
    public IReadOnlyList<(DocumentInfo Document, IReadOnlyDictionary<PageVerdict, IReadOnlyList<int>> Pages)> ListNeedingAttention(Audience audience, int limit)
    {
        var (where, parameters) = Visible(audience);
        var rows = _database.Query(
            $"SELECT document_id, verdict, number FROM pages WHERE verdict IN ('Garbled', 'NeedsOcr', 'Empty', 'OcrPoor') AND document_id IN (SELECT id FROM documents WHERE {where}) ORDER BY document_id, number",
            r => (Id: r.Text("document_id"), Verdict: r.Enum<PageVerdict>("verdict"), Number: r.Int32("number")),
            parameters);
        var groups = rows
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Take(limit)
            .ToList();
        var documents = GetMany(groups.Select(g => g.Key));
        return [.. groups
            .Where(g => documents.ContainsKey(g.Key))
            .Select(g => (documents[g.Key], (IReadOnlyDictionary<PageVerdict, IReadOnlyList<int>>)g
                .GroupBy(r => r.Verdict)
                .ToDictionary(v => v.Key, v => (IReadOnlyList<int>)[.. v.Select(r => r.Number)])))];
    }

    /// <summary>Content hashes of every version of the document (the originals to keep or delete).</summary>
    public IReadOnlyList<string> GetVersionHashes(string documentId) =>
        _database.Query("SELECT content_hash FROM versions WHERE document_id = $id ORDER BY version", r => r.Text("content_hash"), ("$id", documentId));

    /// <summary>Removes a document, its pages and versions. Returns false when it did not exist.</summary>
    public bool Delete(string documentId) =>
        _database.InTransaction(connection =>
        {
            var removed = connection.Execute("DELETE FROM documents WHERE id = $id", ("$id", documentId));
            connection.Execute("DELETE FROM pages WHERE document_id = $id", ("$id", documentId));
            connection.Execute("DELETE FROM versions WHERE document_id = $id", ("$id", documentId));
            return removed > 0;
        });

    /// <summary>True when any document or version still uses the original with this hash.</summary>
    /// <summary>The bytes of the originals of the documents <paramref name="addedBy"/> added (their current versions).</summary>
    public long StoredBytesBy(string addedBy) =>
        _database.Scalar<long>("SELECT COALESCE(SUM(size_bytes), 0) FROM documents WHERE added_by = $u", ("$u", addedBy));

    public bool IsHashReferenced(string contentHash) =>
        _database.Scalar<long>("SELECT COUNT(*) FROM versions WHERE content_hash = $h", ("$h", contentHash)) > 0;

    private static (string Sql, (string Name, object? Value)[] Parameters) Visible(Audience audience) =>
        CatalogAudience.Where(audience, "visibility", "added_by");

    private static DocumentInfo Read(CatalogRow row) => new()
    {
        Id = row.Text("id"),
        Title = row.Text("title"),
        Kind = row.Enum<DocumentKind>("kind"),
        ContentHash = row.Text("content_hash"),
        ContentType = row.Text("content_type"),
        FileName = row.Text("file_name"),
        Source = row.Text("source"),
        SourceUrl = row.TextOrNull("source_url"),
        Author = row.TextOrNull("author"),
        Date = row.DateOrNull("date"),
        Language = row.Text("language"),
        PageCount = row.Int32("page_count"),
        SizeBytes = row.Int64("size_bytes"),
        Tags = row.Json<List<string>>("tags"),
        Collection = row.TextOrNull("collection"),
        Visibility = row.Enum<DocumentVisibility>("visibility"),
        AddedBy = row.TextOrNull("added_by"),
        AddedAt = row.Time("added_at"),
        Version = row.Int32("version"),
    };

    private static ExtractedPage ReadPage(CatalogRow row) => new()
    {
        Number = row.Int32("number"),
        Method = row.Enum<ExtractionMethod>("method"),
        Quality = row.DoubleOrNull("quality"),
        Verdict = row.Enum<PageVerdict>("verdict"),
        Blocks = row.Json<List<TextBlock>>("blocks"),
    };
}
