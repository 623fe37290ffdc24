using System.CommandLine;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb reindex [--max-segments N]</c>: rebuilds the whole index from the catalog's stored pages (the app must be stopped),
/// in one commit, then merges it into at most N segments (<see cref="LuceneIndex.OptimizeAsync"/>, 1 by default; 0 leaves
/// the merge policy's segments): a rebuild is the largest load there is, and at a million passages one segment
/// answered the bench's searches with 0.76× the CPU of the twenty a load leaves (docs/performance.md, "Issue 11: segments of a bulk load").
/// Documents that cannot be indexed are skipped, listed on standard error, and the exit code is <see cref="SkippedExitCode"/>;
/// a rebuild that fails as a whole (a full disk at the commit) commits nothing and leaves the previous index.
/// </summary>
internal static class ReindexCommand
{
    /// <summary>The exit code when the index was rebuilt without some documents (listed on standard error), as <c>kb ingest</c> when a file failed.</summary>
    public const int SkippedExitCode = 2;

    public static Command Create()
    {
        var maxSegments = new Option<int>("--max-segments") { Description = "Merge the rebuilt index into at most this many segments (0: leave them as written)", DefaultValueFactory = _ => OptimizeCommand.DefaultMaxSegments };
        var command = new Command("reindex", "Rebuild the search index from the catalog (stop the app first)") { maxSegments };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            if (!CliServices.TryHoldIndex(services))
            {
                return await CliServices.IndexInUseAsync("reindex");
            }

            if (result.GetValue(maxSegments) < 0)
            {
                await Console.Error.WriteLineAsync("kb reindex: --max-segments must be 0 (no merge) or more");
                return 1;
            }

            var documents = services.GetRequiredService<DocumentService>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            // Merged once, by the force-merge at the end, not during the load too (LuceneIndex.DeferMerges).
            using var deferral = result.GetValue(maxSegments) > 0 ? services.GetRequiredService<LuceneIndex>().DeferMerges() : null;
            var rebuilt = await documents.ReindexAllAsync(null, cancellationToken);
            Console.WriteLine($"Rebuilt the index: {rebuilt.Documents} documents, {rebuilt.Passages} passages in {started.Elapsed.TotalSeconds:0.0} s.");
            if (result.GetValue(maxSegments) is > 0 and var max)
            {
                var optimized = await services.GetRequiredService<LuceneIndex>().OptimizeAsync(max, cancellationToken);
                Console.WriteLine($"Merged it: {optimized.SegmentsBefore} segments into {optimized.SegmentsAfter} in {optimized.TotalTime.TotalSeconds:0.0} s.");
            }

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
