using System.CommandLine;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Backup;
using KnowledgeBase.Search;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb restore BACKUP [--data PATH] [--force]</c>: puts a backup of <c>kb backup</c> back into the data folder.
/// Refuses while an app (or another kb) uses that folder, and refuses a folder that already holds a catalog unless
/// <c>--force</c>, which moves its contents aside into <c>before-restore-TIMESTAMP/</c> (nothing is deleted).
/// Jobs the backup caught in flight run when the app starts on the restored folder.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var backup = new Argument<string>("backup") { Description = "The backup folder (kb-backup-TIMESTAMP)" };
        var force = new Option<bool>("--force") { Description = "Restore over a data folder that holds data, moving it aside first" };
        var command = new Command("restore", "Restore a backup into the data folder (the app must be stopped)") { backup, force };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            var data = services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value;
            var ingestion = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
            var search = services.GetRequiredService<IOptions<SearchOptions>>().Value;
            var indexFolder = data.Resolve(search.IndexPath);
            Directory.CreateDirectory(indexFolder);
            FolderLock held;
            try
            {
                // Held for the whole restore: no app can open this data folder meanwhile.
                held = FolderLock.Acquire(indexFolder);
            }
            catch (IndexInUseException)
            {
                await Console.Error.WriteLineAsync($"kb: the data folder {data.DataDirectory} is in use by the running app; stop it, then run kb restore again.");
                return 1;
            }

            using (held)
            {
                var target = new BackupRestorer.Target(
                    data.DataDirectory,
                    data.Resolve(ingestion.CatalogPath),
                    indexFolder,
                    data.Resolve(ingestion.OriginalsPath),
                    Path.Combine(data.DataDirectory, BackupManifest.KeysFolder));
                try
                {
                    var (manifest, aside) = BackupRestorer.Restore(Path.GetFullPath(result.GetValue(backup)!), target, result.GetValue(force), DateTimeOffset.UtcNow);
                    if (aside is not null)
                    {
                        Console.WriteLine($"The previous contents were moved to {aside}");
                    }

                    Console.WriteLine($"Restored {manifest.Documents} documents (backup of {manifest.CreatedAt:u}) into {data.DataDirectory}");
                    return 0;
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
                {
                    await Console.Error.WriteLineAsync("kb: " + e.Message);
                    return 1;
                }
            }
        });
        return command;
    }
}
