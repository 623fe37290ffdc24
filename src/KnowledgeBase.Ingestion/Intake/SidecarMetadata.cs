using System.Text.Json;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// Optional metadata beside a file, <c>name.ext.meta.json</c> (title, date, author, tags, collection,
/// sourceUrl, visibility), used by seeds, the inbox and <c>kb ingest</c>.
/// </summary>
public static class SidecarMetadata
{
    public const string Suffix = ".meta.json";

    public static bool IsSidecar(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static string PathFor(string file) => file + Suffix;

    /// <summary>The sidecar's metadata, or null when there is none.</summary>
    /// <exception cref="JsonException">The sidecar exists but is not valid JSON.</exception>
    public static IntakeMetadata? Read(string file)
    {
        var path = PathFor(file);
        return File.Exists(path) ? JsonSerializer.Deserialize<IntakeMetadata>(File.ReadAllText(path), CatalogJson.Options) : null;
    }
}
