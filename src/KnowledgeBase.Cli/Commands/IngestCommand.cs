using System.CommandLine;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb ingest PATH… [--recursive] [--json]</c>: takes files in (folders: their files), runs the jobs to the
/// end and reports each file's outcome and a summary. When the app is running it holds the index, so the
/// files are handed to it through its API instead.
/// </summary>
internal static class IngestCommand
{
    public const int ExitSomeFailed = 2;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders or http(s) addresses to ingest" };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Also take the files of subfolders" };
        var json = new Option<bool>("--json") { Description = "Print the outcomes as JSON (for scripts)" };
        var title = new Option<string?>("--title") { Description = "Title for the documents (default: from each document)" };
        var tags = new Option<string?>("--tags") { Description = "Comma-separated tags" };
        var collection = new Option<string?>("--collection") { Description = "Collection name" };
        var command = new Command("ingest", "Add files or folders to the knowledge base") { paths, recursive, json, title, tags, collection };
        command.SetAction((result, cancellationToken) =>
        {
            var metadata = new IntakeMetadata
            {
                Title = result.GetValue(title),
                Tags = [.. (result.GetValue(tags) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                Collection = result.GetValue(collection),
                AddedBy = Environment.UserName,
            };
            return RunAsync(
                result.GetValue(paths) ?? [],
                result.GetValue(recursive),
                result.GetValue(json),
                metadata,
                result.GetValue(CommonOptions.Data),
                result.GetValue(CommonOptions.Server),
                result.GetValue(CommonOptions.Verbose),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool recursive, bool json, IntakeMetadata metadata, string? data, string? server, bool verbose, CancellationToken cancellationToken)
    {
        var (files, missing) = ExpandPaths(paths, recursive);
        var outcomes = missing.Select(m => new IngestOutcome(m, "failed", null, null, "No such file or folder.")).ToList();
        await using var services = CliServices.Build(data, verbose);
        if (!CliServices.TryHoldIndex(services))
        {
            var url = CliServices.ServerUrl(services, server);
            if (!json)
            {
                await Console.Error.WriteLineAsync($"The index is in use by the running app; sending the files to it at {url}.");
            }

            outcomes.AddRange(await IngestThroughServerAsync(url, files, metadata, json, cancellationToken));
            return Report(outcomes, json);
        }

        outcomes.AddRange(await IngestLocallyAsync(services, files, metadata, json, cancellationToken));
        return Report(outcomes, json);
    }

    internal static (List<string> Files, List<string> Missing) ExpandPaths(IEnumerable<string> paths, bool recursive)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (IsUrl(path))
            {
                files.Add(path);
            }
            else if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (System.IO.Directory.Exists(path))
            {
                files.AddRange(System.IO.Directory
                    .EnumerateFiles(path, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                    .Where(f => !SidecarMetadata.IsSidecar(f) && !Path.GetFileName(f).StartsWith('.'))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing);
    }

    internal static bool IsUrl(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static async Task<List<IngestOutcome>> IngestLocallyAsync(ServiceProvider services, List<string> files, IntakeMetadata metadata, bool json, CancellationToken cancellationToken)
    {
        var intake = services.GetRequiredService<IntakeService>();
        var importer = services.GetRequiredService<UrlImporter>();
        var jobStore = services.GetRequiredService<JobStore>();
        var runner = services.GetRequiredService<JobQueueRunner>();
        var options = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var outcomes = new List<IngestOutcome>();
        var jobs = new Dictionary<long, string>();
        var progress = new ProgressLine(files.Count, enabled: !json);
        foreach (var file in files)
        {
            progress.Draw(outcomes.Count, Path.GetFileName(file));
            try
            {
                var result = IsUrl(file)
                    ? await importer.ImportAsync(file, metadata, cancellationToken)
                    : await intake.AddFileAsync(file, "cli", Merge(metadata, SidecarMetadata.Read(file)), cancellationToken);
                jobs[result.Job.Id] = file;
            }
            catch (Exception e) when (e is IntakeException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
            {
                outcomes.Add(new IngestOutcome(file, "failed", null, null, e.Message));
            }
        }

        // Asked between every two jobs: only the jobs not yet seen finished are looked up, oldest first, stopping at
        // the first unfinished one (jobs are claimed oldest first), so a run of N files costs about N look-ups, not N².
        var unfinished = new Queue<long>(jobs.Keys.Order());
        var lastDrawn = -1;
        bool AllFinished()
        {
            lock (unfinished)
            {
                while (unfinished.TryPeek(out var id) && jobStore.Get(id) is not { IsFinished: false })
                {
                    unfinished.Dequeue();
                }

                var finished = jobs.Count - unfinished.Count;
                if (finished != lastDrawn)
                {
                    lastDrawn = finished;
                    progress.Draw(outcomes.Count + finished, string.Empty);
                }

                return unfinished.Count == 0;
            }
        }

        await runner.RunAsync(AllFinished, options.EffectiveParallelism, cancellationToken);
        progress.Clear();
        foreach (var (id, file) in jobs)
        {
            var job = jobStore.Get(id)!;
            outcomes.Add(new IngestOutcome(file, StateName(job.State), job.Id, job.DocumentId, job.Reason));
        }

        return outcomes;
    }

    private static async Task<List<IngestOutcome>> IngestThroughServerAsync(string url, List<string> files, IntakeMetadata metadata, bool json, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(url);
        var outcomes = new List<IngestOutcome>();
        var pending = new Dictionary<long, string>();
        var progress = new ProgressLine(files.Count, enabled: !json);
        foreach (var file in files)
        {
            progress.Draw(outcomes.Count + pending.Count, Path.GetFileName(file));
            var (job, refusal) = IsUrl(file)
                ? await client.ImportUrlAsync(file, metadata, cancellationToken)
                : await client.UploadAsync(file, Merge(metadata, SidecarMetadata.Read(file)), cancellationToken);
            if (job is null)
            {
                outcomes.Add(new IngestOutcome(file, "failed", null, null, refusal));
            }
            else
            {
                pending[job.Id] = file;
            }
        }

        while (pending.Count > 0)
        {
            foreach (var (id, file) in pending.ToList())
            {
                var job = await client.GetJobAsync(id, cancellationToken);
                if (job is { IsFinished: true })
                {
                    outcomes.Add(new IngestOutcome(file, StateName(job.State), job.Id, job.DocumentId, job.Reason));
                    pending.Remove(id);
                }
            }

            progress.Draw(outcomes.Count, string.Empty);
            if (pending.Count > 0)
            {
                await Task.Delay(500, cancellationToken);
            }
        }

        progress.Clear();
        return outcomes;
    }

    private static IntakeMetadata Merge(IntakeMetadata command, IntakeMetadata? sidecar) =>
        sidecar is null
            ? command
            : sidecar with
            {
                Title = command.Title ?? sidecar.Title,
                Tags = [.. sidecar.Tags.Concat(command.Tags).Distinct(StringComparer.Ordinal)],
                Collection = command.Collection ?? sidecar.Collection,
                AddedBy = command.AddedBy,
            };

    private static string StateName(JobState state) => state.ToString().ToLowerInvariant();

    private static int Report(List<IngestOutcome> outcomes, bool json)
    {
        var indexed = outcomes.Count(o => o.State == "done");
        var duplicates = outcomes.Count(o => o.State == "duplicate");
        var failed = outcomes.Count(o => o.State == "failed");
        if (json)
        {
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { files = outcomes, summary = new { indexed, duplicate = duplicates, failed } }, CliJson.Options));
        }
        else
        {
            foreach (var o in outcomes)
            {
                var detail = o.State switch
                {
                    "done" => $"document {o.DocumentId}",
                    _ => o.Reason ?? string.Empty,
                };
                Console.WriteLine($"{o.State,-9} {Path.GetFileName(o.Path)}  {detail}");
            }

            Console.WriteLine($"{indexed} indexed, {duplicates} duplicate, {failed} failed");
        }

        return failed > 0 ? ExitSomeFailed : 0;
    }
}
