using System.CommandLine;
using KnowledgeBase.Ingestion.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb backup DEST</c>: a consistent backup of the data folder into <c>DEST/kb-backup-TIMESTAMP/</c> — the catalog
/// through SQLite's online backup, the index from a held commit point, the originals (<see cref="BackupWriter"/>).
/// When no app runs, kb writes it itself; when the app holds the index, kb asks it to
/// (<c>POST /api/admin/backup</c>), and the app writes the backup while it goes on serving and ingesting: DEST is
/// then a folder on the app's machine that the app's user may write. Restore with <c>kb restore</c>.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var destination = new Argument<string>("destination") { Description = "Folder to write the backup under (a new kb-backup-TIMESTAMP folder)" };
        var command = new Command("backup", "Back up the catalog, index and originals, also while the app runs") { destination };
        command.SetAction(async (result, cancellationToken) =>
        {
            var parent = Path.GetFullPath(result.GetValue(destination)!);
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            if (CliServices.TryHoldIndex(services))
            {
                var (folder, manifest) = await services.GetRequiredService<BackupWriter>().WriteAsync(parent, cancellationToken);
                Console.WriteLine($"Backed up {manifest.Documents} documents ({manifest.IndexFiles} index files, {manifest.Originals} originals) to {folder}");
                return 0;
            }

            using var client = new ServerClient(CliServices.ServerUrl(services, result.GetValue(CommonOptions.Server)));
            var (path, documents, error) = await client.BackupAsync(parent, cancellationToken);
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"kb: the running app ({client.BaseAddress}) could not back up: {error}");
                return 1;
            }

            Console.WriteLine($"The running app backed up {documents} documents to {path}");
            return 0;
        });
        return command;
    }
}
