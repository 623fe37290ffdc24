namespace KnowledgeBase.Ingestion.Backup;

/// <summary>
/// Puts a backup (<see cref="BackupManifest"/> layout) back into a data folder, at the paths that folder is
/// configured with. The caller proves first that no app uses the folder (it holds the index's folder lock).
/// A data folder that already holds a catalog is refused unless <c>replace</c>: then its catalog, index,
/// originals and keys are moved aside into <c>before-restore-TIMESTAMP/</c>, never deleted.
/// </summary>
public static class BackupRestorer
{
    /// <summary>Where each part goes: absolute paths in the target data folder.</summary>
    public sealed record Target(string DataFolder, string CatalogPath, string IndexFolder, string OriginalsFolder, string KeysFolder);

    /// <returns>The manifest restored, and the folder the previous contents were moved to (null when there were none).</returns>
    /// <exception cref="InvalidDataException">The backup folder is not a backup.</exception>
    /// <exception cref="InvalidOperationException">The data folder holds a catalog and <paramref name="replace"/> is false.</exception>
    public static (BackupManifest Manifest, string? MovedAside) Restore(string backup, Target target, bool replace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        var manifest = BackupManifest.Read(backup);
        string? aside = null;
        if (File.Exists(target.CatalogPath))
        {
            if (!replace)
            {
                throw new InvalidOperationException($"{target.DataFolder} already holds a catalog; restore into an empty folder, or pass --force to move its contents aside first.");
            }

            aside = Path.Combine(target.DataFolder, "before-restore-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(aside);
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                MoveAside(target.CatalogPath + suffix, aside);
            }

            MoveIndexAside(target.IndexFolder, aside);
            MoveAside(target.OriginalsFolder, aside);
            MoveAside(target.KeysFolder, aside);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target.CatalogPath)!);
        File.Copy(Path.Combine(backup, BackupManifest.CatalogFile), target.CatalogPath, overwrite: true);
        BackupWriter.CopyFiles(Path.Combine(backup, BackupManifest.IndexFolder), target.IndexFolder, skipFolder: null);
        BackupWriter.CopyFiles(Path.Combine(backup, BackupManifest.OriginalsFolder), target.OriginalsFolder, skipFolder: null);
        BackupWriter.CopyFiles(Path.Combine(backup, BackupManifest.KeysFolder), target.KeysFolder, skipFolder: null);
        return (manifest, aside);
    }

    private static void MoveAside(string path, string aside)
    {
        var destination = Path.Combine(aside, Path.GetFileName(path));
        if (File.Exists(path))
        {
            File.Move(path, destination);
        }
        else if (Directory.Exists(path))
        {
            Directory.Move(path, destination);
        }
    }

    /// <summary>The index folder's files, not the folder: the caller holds a lock file inside it.</summary>
    private static void MoveIndexAside(string folder, string aside)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var destination = Path.Combine(aside, Path.GetFileName(folder));
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name is not ("kb-writer.lock" or "write.lock"))
            {
                File.Move(file, Path.Combine(destination, name));
            }
        }
    }
}
