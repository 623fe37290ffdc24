using System.CommandLine;
using KnowledgeBase.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb reindex</c>: rebuilds the whole index from the catalog's stored pages (the app must be stopped). Documents that
/// cannot be indexed are skipped, listed on standard error, and the exit code is <see cref="SkippedExitCode"/>; a
/// rebuild that fails as a whole (a full disk at the commit) commits nothing and leaves the previous index.
/// </summary>
internal static class ReindexCommand
{
    /// <summary>The exit code when the index was rebuilt without some documents (listed on standard error), as <c>kb ingest</c> when a file failed.</summary>
    public const int SkippedExitCode = 2;

    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the search index from the catalog (stop the app first)");
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            if (!CliServices.TryHoldIndex(services))
            {
                return await CliServices.IndexInUseAsync("reindex");
            }

            var documents = services.GetRequiredService<DocumentService>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var rebuilt = await documents.ReindexAllAsync(null, cancellationToken);
            Console.WriteLine($"Rebuilt the index: {rebuilt.Documents} documents, {rebuilt.Passages} passages in {started.Elapsed.TotalSeconds:0.0} s.");
            if (rebuilt.Skipped.Count == 0)
            {
                return 0;
            }

            // The rebuilt index is committed without them; each has a failed job (kb reingest ID, or Retry on the jobs page).
            await Console.Error.WriteLineAsync($"Skipped {rebuilt.Skipped.Count} documents that could not be indexed (not searchable until re-ingested: kb reingest ID):");
            foreach (var skipped in rebuilt.Skipped)
            {
                await Console.Error.WriteLineAsync($"  {skipped.DocumentId}  {skipped.Title ?? "(catalog row unreadable)"}: {skipped.Reason}");
            }

            return SkippedExitCode;
        });
        return command;
    }
}
