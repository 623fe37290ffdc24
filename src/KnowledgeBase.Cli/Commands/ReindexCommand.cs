using System.CommandLine;
using KnowledgeBase.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary><c>kb reindex</c>: rebuilds the whole index from the catalog's stored pages (the app must be stopped).</summary>
internal static class ReindexCommand
{
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
            var (count, passages) = await documents.ReindexAllAsync(null, cancellationToken);
            Console.WriteLine($"Rebuilt the index: {count} documents, {passages} passages in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}
