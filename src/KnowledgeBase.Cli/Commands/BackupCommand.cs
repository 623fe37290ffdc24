using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Search;
using KnowledgeBase.Search.Indexing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb backup DEST</c>: a consistent copy of the data folder — the catalog through SQLite's online backup,
/// the Lucene index as of its last commit, and every stored original — into <c>DEST/kb-backup-TIMESTAMP/</c>.
/// The app must be stopped (it holds the index). Restore by pointing <c>KnowledgeBase:DataPath</c> at the copy.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var destination = new Argument<string>("destination") { Description = "Folder to write the backup into" };
        var command = new Command("backup", "Copy the catalog, index and originals to a folder (stop the app first)") { destination };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            // Holding the writer proves no app is writing while we copy; its dispose commits nothing new.
            if (!CliServices.TryHoldIndex(services))
            {
                return await CliServices.IndexInUseAsync("backup");
            }

            var data = services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value;
            var ingestion = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
            var search = services.GetRequiredService<IOptions<SearchOptions>>().Value;
            var target = Path.Combine(Path.GetFullPath(result.GetValue(destination)!), "kb-backup-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            System.IO.Directory.CreateDirectory(target);

            var catalogTarget = Path.Combine(target, Path.GetFileName(ingestion.CatalogPath));
            using (var source = new SqliteConnection($"Data Source={data.Resolve(ingestion.CatalogPath)};Mode=ReadOnly"))
            using (var copy = new SqliteConnection($"Data Source={catalogTarget}"))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
            }

            SqliteConnection.ClearAllPools();
            var indexFiles = CopyTree(data.Resolve(search.IndexPath), Path.Combine(target, search.IndexPath), skip: name => name is "write.lock" or FolderLock.FileName);
            var originals = CopyTree(data.Resolve(ingestion.OriginalsPath), Path.Combine(target, ingestion.OriginalsPath), skip: name => false, skipFolder: "tmp");
            Console.WriteLine($"Backed up the catalog, {indexFiles} index files and {originals} originals to {target}");
            return 0;
        });
        return command;
    }

    private static int CopyTree(string from, string to, Func<string, bool> skip, string? skipFolder = null)
    {
        if (!System.IO.Directory.Exists(from))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip(Path.GetFileName(file)) || (skipFolder is not null && relative.StartsWith(skipFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            count++;
        }

        return count;
    }
}
