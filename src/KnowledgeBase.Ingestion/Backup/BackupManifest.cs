using System.Text.Json;

namespace KnowledgeBase.Ingestion.Backup;

/// <summary>
/// <c>backup.json</c> of a backup folder, and the folder's fixed layout: <c>catalog.db</c>, <c>index/</c>,
/// <c>originals/</c>, <c>keys/</c> (whatever paths the data folder configures; restore maps them back).
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "backup.json";
    public const string CatalogFile = "catalog.db";
    public const string IndexFolder = "lucene"; // the data folder's own layout (Search:IndexPath default): a backup is itself a working data folder
    public const string OriginalsFolder = "originals";
    public const string KeysFolder = "keys";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int Format { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Documents in the copied catalog.</summary>
    public int Documents { get; init; }

    /// <summary>Jobs queued or running when the catalog was copied: the restored app finishes them.</summary>
    public int JobsInProgress { get; init; }

    /// <summary>Documents with passages in the copied index.</summary>
    public int IndexedDocuments { get; init; }

    /// <summary>Documents added between the catalog copy and the index snapshot, removed from the copied index.</summary>
    public int RemovedFromIndex { get; init; }

    public int IndexFiles { get; init; }

    public long IndexBytes { get; init; }

    public int Originals { get; init; }

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <exception cref="InvalidDataException">The folder is not a backup.</exception>
    public static BackupManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path) || !File.Exists(Path.Combine(folder, CatalogFile)))
        {
            throw new InvalidDataException($"{folder} is not a KnowledgeBase backup (no {FileName} or {CatalogFile}).");
        }

        return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}
