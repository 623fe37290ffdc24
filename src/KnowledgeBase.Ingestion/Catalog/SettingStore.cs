namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// Small named values the application keeps about its own data folder (<c>settings</c>), e.g. that the seeds were
/// imported. Thread-safe and safe across processes (see <see cref="CatalogDatabase"/>).
/// </summary>
public sealed class SettingStore
{
    private readonly CatalogDatabase _database;

    public SettingStore(CatalogDatabase database)
    {
        _database = database;
    }

    public string? Get(string key) => _database.QuerySingle("SELECT value FROM settings WHERE key = $k", r => r.Text("value"), ("$k", key));

    public void Set(string key, string value) =>
        _database.Execute("INSERT OR REPLACE INTO settings (key, value) VALUES ($k, $v)", ("$k", key), ("$v", value));

    public void Remove(string key) => _database.Execute("DELETE FROM settings WHERE key = $k", ("$k", key));

    /// <summary>The keys that start with <paramref name="prefix"/>, in order.</summary>
    public IReadOnlyList<string> KeysStartingWith(string prefix) =>
        _database.Query(
            "SELECT key FROM settings WHERE substr(key, 1, length($p)) = $p ORDER BY key",
            r => r.Text("key"),
            ("$p", prefix));
}
