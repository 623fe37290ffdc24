using KnowledgeBase.Ingestion.Backup;

namespace KnowledgeBase.Web.Api;

/// <summary>A backup written by the running app: its folder on the server and what it holds.</summary>
public sealed record BackupResponse(string Path, DateTimeOffset CreatedAt, int Documents, int JobsInProgress, int IndexedDocuments, int IndexFiles, long IndexBytes, int Originals)
{
    public static BackupResponse From(string folder, BackupManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new(folder, manifest.CreatedAt, manifest.Documents, manifest.JobsInProgress, manifest.IndexedDocuments, manifest.IndexFiles, manifest.IndexBytes, manifest.Originals);
    }
}
