using System.Globalization;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Backup;

/// <summary>
/// A consistent backup while the app runs and ingests, into <c>PARENT/kb-backup-TIMESTAMP/</c>:
/// <list type="number">
/// <item>the catalog through SQLite's online backup (one moment, writers go on);</item>
/// <item>the index from a commit point held by the index's snapshot deletion policy, taken after the catalog copy,
/// so every document the catalog copy calls indexed is in it; documents the index holds but the catalog copy does
/// not (added in between) are removed from the copied index;</item>
/// <item>the originals, copied after the catalog (an original is stored before its job row, so every one the
/// catalog copy names is there); the data protection keys.</item>
/// </list>
/// Jobs that were queued or running in the catalog copy are resumed by the restored app. Thread-safe.
/// </summary>
public sealed class BackupWriter(CatalogDatabase catalog, OriginalStore originals, IIndexSnapshotSource index, IOptions<KnowledgeBaseOptions> data, TimeProvider time)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Where backups go when no folder is given: <c>backups/</c> in the data folder.</summary>
    public string DefaultParent => Path.Combine(data.Value.DataDirectory, "backups");

    /// <summary>Writes a backup into a new folder under <paramref name="parent"/>; returns that folder and its manifest.</summary>
    public async Task<(string Folder, BackupManifest Manifest)> WriteAsync(string? parent, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(parent) ? DefaultParent : parent);
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Write(root), cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private (string Folder, BackupManifest Manifest) Write(string root)
    {
        var now = time.GetUtcNow();
        var folder = NewFolder(root, now);
        var catalogCopy = Path.Combine(folder, BackupManifest.CatalogFile);
        catalog.BackupTo(catalogCopy);
        var (documentIds, inProgress) = ReadCatalogCopy(catalogCopy);

        var snapshot = index.CopySnapshotTo(Path.Combine(folder, BackupManifest.IndexFolder), documentIds.Contains);
        var originalCount = CopyFiles(originals.Root, Path.Combine(folder, BackupManifest.OriginalsFolder), skipFolder: "tmp");
        CopyFiles(Path.Combine(data.Value.DataDirectory, BackupManifest.KeysFolder), Path.Combine(folder, BackupManifest.KeysFolder), skipFolder: null);
        var manifest = new BackupManifest
        {
            CreatedAt = now,
            Documents = documentIds.Count,
            JobsInProgress = inProgress,
            IndexedDocuments = snapshot.Documents,
            RemovedFromIndex = snapshot.RemovedDocuments,
            IndexFiles = snapshot.Files,
            IndexBytes = snapshot.Bytes,
            Originals = originalCount,
        };
        manifest.Write(folder);
        return (folder, manifest);
    }

    private static string NewFolder(string root, DateTimeOffset now)
    {
        var name = "kb-backup-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{name}-{n}"));
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    private static (HashSet<string> DocumentIds, int JobsInProgress) ReadCatalogCopy(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id FROM documents";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM jobs WHERE state IN ('Queued', 'Extracting', 'Indexing')";
        return (ids, Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    /// <summary>Copies a folder tree (absent: nothing); returns the number of files.</summary>
    internal static int CopyFiles(string from, string to, string? skipFolder)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skipFolder is not null && relative.StartsWith(skipFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                File.Copy(file, destination);
                count++;
            }
            catch (FileNotFoundException)
            {
                // Deleted while the tree was read: a document deleted after the catalog copy.
            }
        }

        return count;
    }
}
