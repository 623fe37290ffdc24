namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// Index changes the catalog has made but the index may not have committed yet (a delete or a metadata edit
/// interrupted by a full disk or a crash). Each is recorded before the catalog changes and cleared once the
/// index has committed it; on start the ones left are applied again (<c>DocumentService.ReplayIndexIntentsAsync</c>),
/// so the catalog and the index never stay apart. Kept in the settings table, one row per document.
/// </summary>
public sealed class IndexIntentStore(SettingStore settings)
{
    private const string Prefix = "index-intent:";

    public void Record(string documentId) => settings.Set(Prefix + documentId, "pending");

    public void Clear(string documentId) => settings.Remove(Prefix + documentId);

    /// <summary>The documents whose index change may not be committed.</summary>
    public IReadOnlyList<string> Pending() => [.. settings.KeysStartingWith(Prefix).Select(key => key[Prefix.Length..])];
}
