using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Search;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb optimize [--max-segments N]</c>: merges the index into at most N segments (<see cref="LuceneIndex.OptimizeAsync"/>)
/// — after a large load (<c>kb reindex</c>, a bulk <c>kb ingest</c>) the merge policy leaves tens of segments, and every
/// search pays its term look-ups and scorers once per segment. When no app runs, kb merges itself (and reports the
/// index folder's largest size meanwhile); when the app holds the index, kb asks it to
/// (<c>POST /api/admin/optimize</c>), and the app merges while it goes on serving and ingesting.
/// </summary>
internal static class OptimizeCommand
{
    /// <summary>The default segment count: measured at a million passages (docs/performance.md, "Issue 11: segments of a bulk load").</summary>
    public const int DefaultMaxSegments = 1;

    public static Command Create()
    {
        var maxSegments = new Option<int>("--max-segments") { Description = "Merge into at most this many segments", DefaultValueFactory = _ => DefaultMaxSegments };
        var command = new Command("optimize", "Merge the search index into fewer segments (faster searches after a large load), also while the app runs") { maxSegments };
        command.SetAction(async (result, cancellationToken) =>
        {
            var max = result.GetValue(maxSegments);
            if (max < 1)
            {
                await Console.Error.WriteLineAsync("kb optimize: --max-segments must be at least 1");
                return 1;
            }

            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            if (CliServices.TryHoldIndex(services))
            {
                var index = services.GetRequiredService<LuceneIndex>();
                var folder = services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value.Resolve(services.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath);
                var before = FolderSizeSampler.SizeOf(folder);
                var (optimized, peak) = await FolderSizeSampler.WhileAsync(folder, () => index.OptimizeAsync(max, cancellationToken));
                var after = FolderSizeSampler.SizeOf(folder);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Optimized the index: {optimized.SegmentsBefore} segments into {optimized.SegmentsAfter} in {optimized.TotalTime.TotalSeconds:0.0} s; {Mb(before):N0} MB before, {Mb(after):N0} MB after, at most {Mb(peak):N0} MB on disk meanwhile."));
                return 0;
            }

            using var client = new ServerClient(CliServices.ServerUrl(services, result.GetValue(CommonOptions.Server)), TimeSpan.FromHours(2));
            var (response, error) = await client.OptimizeAsync(max, cancellationToken);
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"kb: the running app ({client.BaseAddress}) could not optimize the index: {error}");
                return 1;
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"The running app optimized the index: {response!.SegmentsBefore} segments into {response.SegmentsAfter} in {response.Seconds:0.0} s."));
            return 0;
        });
        return command;
    }

    private static double Mb(long bytes) => bytes / 1048576.0;
}
