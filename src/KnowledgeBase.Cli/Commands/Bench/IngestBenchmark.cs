using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// <c>kb bench ingest [--source DIR] [--runs N]</c>: ingests a folder into a fresh data folder with the
/// production pipeline (isolated extraction workers, batched commits) and reports documents/s, pages/s and
/// the peak resident memory of the ingesting process and of its extraction workers. Medians over the runs.
/// </summary>
internal static class IngestBenchmark
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Folder to ingest (default: ../shared/data/pdf beside the repository)" };
        var runs = new Option<int>("--runs") { Description = "Runs, each into a fresh data folder (medians are reported)", DefaultValueFactory = _ => 3 };
        var parallelism = new Option<int>("--parallelism") { Description = "Parallel extractions (default: one per core)" };
        var command = new Command("ingest", "Documents/s, pages/s and peak memory of ingesting a folder") { source, runs, parallelism };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(source), Math.Max(1, result.GetValue(runs)), result.GetValue(parallelism), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? source, int runs, int parallelism, CancellationToken cancellationToken)
    {
        var folder = source ?? Path.Combine(new KnowledgeBaseOptions().EffectiveBaseDirectory, "..", "shared", "data", "pdf");
        if (!System.IO.Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"kb bench ingest: no folder {Path.GetFullPath(folder)}");
            return 1;
        }

        var (files, _) = IngestCommand.ExpandPaths([folder], recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kb bench ingest: {files.Count} files from {Path.GetFullPath(folder)}, {runs} runs, {Environment.ProcessorCount} cores"));
        Console.WriteLine("run  files  done  failed  dup  pages   seconds  docs/s  pages/s  peak host MB  peak workers MB");
        var rows = new List<Row>();
        for (var run = 1; run <= runs; run++)
        {
            var row = await RunOnceAsync(files, parallelism, cancellationToken);
            rows.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run,3}  {files.Count,5}  {row.Done,4}  {row.Failed,6}  {row.Duplicate,3}  {row.Pages,5}  {row.Seconds,8:0.00}  {row.Done / row.Seconds,6:0.00}  {row.Pages / row.Seconds,7:0.0}  {row.PeakHostMb,12:0}  {row.PeakWorkersMb,15:0}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: {Statistics.Median(rows.Select(r => r.Done / r.Seconds)):0.00} documents/s, {Statistics.Median(rows.Select(r => r.Pages / r.Seconds)):0.0} pages/s, {Statistics.Median(rows.Select(r => r.Seconds)):0.00} s, peak host {Statistics.Median(rows.Select(r => r.PeakHostMb)):0} MB, peak workers {Statistics.Median(rows.Select(r => r.PeakWorkersMb)):0} MB"));
        return 0;
    }

    private static async Task<Row> RunOnceAsync(List<string> files, int parallelism, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "kb-bench-ingest-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = CliServices.Build(data, configure: c => c.AddInMemoryCollection([new("Ingestion:InboxPath", string.Empty)]));
            var intake = services.GetRequiredService<IntakeService>();
            var jobStore = services.GetRequiredService<JobStore>();
            var documentStore = services.GetRequiredService<DocumentStore>();
            var runner = services.GetRequiredService<JobQueueRunner>();
            var options = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
            using var memory = new MemorySampler();
            var watch = Stopwatch.StartNew();
            foreach (var file in files)
            {
                try
                {
                    await intake.AddFileAsync(file, "bench", cancellationToken: cancellationToken);
                }
                catch (IntakeException)
                {
                    // Refused files (empty, unknown format) count as neither done nor failed jobs.
                }
            }

            await runner.RunAsync(() => jobStore.List(null, 0, 100_000).All(j => j.IsFinished), parallelism > 0 ? parallelism : options.EffectiveParallelism, cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            var counts = jobStore.CountByState();
            var pages = documentStore.List(0, 100_000).Sum(d => d.PageCount);
            return new Row(counts[JobState.Done], counts[JobState.Failed], counts[JobState.Duplicate], pages, seconds, memory.PeakHostMb, memory.PeakWorkersMb);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    private sealed record Row(int Done, int Failed, int Duplicate, int Pages, double Seconds, double PeakHostMb, double PeakWorkersMb);
}
