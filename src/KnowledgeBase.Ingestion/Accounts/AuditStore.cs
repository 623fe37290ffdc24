using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>The audit trail (<c>audit</c>): appended to, read newest first by admins. Thread-safe and safe across processes.</summary>
public sealed class AuditStore(CatalogDatabase database, TimeProvider time)
{
    public const int MaxDetailLength = 500;

    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        database.Execute(
            "INSERT INTO audit (at, user_name, action, document_id, address, detail) VALUES ($at, $u, $a, $d, $ip, $x)",
            ("$at", CatalogFormat.Time(time.GetUtcNow())),
            ("$u", entry.UserName),
            ("$a", entry.Action),
            ("$d", entry.DocumentId),
            ("$ip", entry.Address),
            ("$x", entry.Detail is { Length: > MaxDetailLength } detail ? detail[..MaxDetailLength] : entry.Detail));
    }

    public IReadOnlyList<AuditEntry> List(int offset = 0, int limit = 100) =>
        database.Query(
            "SELECT id, at, user_name, action, document_id, address, detail FROM audit ORDER BY id DESC LIMIT $l OFFSET $o",
            r => new AuditEntry
            {
                Id = r.Int64("id"),
                At = r.Time("at"),
                UserName = r.TextOrNull("user_name"),
                Action = r.Text("action"),
                DocumentId = r.TextOrNull("document_id"),
                Address = r.TextOrNull("address"),
                Detail = r.TextOrNull("detail"),
            },
            ("$l", limit),
            ("$o", offset));

    /// <summary>
    /// Who added what since <paramref name="since"/>: the time of each accepted upload and URL import of a named user,
    /// oldest first — what the upload rate is counted from after a restart.
    /// </summary>
    public IReadOnlyList<(string UserName, DateTimeOffset At)> AddedSince(DateTimeOffset since) =>
        database.Query(
            "SELECT user_name, at FROM audit WHERE at > $since AND action IN ($upload, $import) AND user_name IS NOT NULL ORDER BY at, id",
            r => (r.Text("user_name"), r.Time("at")),
            ("$since", CatalogFormat.Time(since)),
            ("$upload", AuditActions.Upload),
            ("$import", AuditActions.ImportUrl));

    public int Count() => (int)database.Scalar<long>("SELECT COUNT(*) FROM audit");
}
