using System.CommandLine;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb delete ID…</c> and <c>kb reingest ID…</c>: the same actions as the document page, locally or through
/// the running app's API when it holds the index. <c>kb documents</c> lists what is there.
/// </summary>
internal static class DocumentCommands
{
    public static Command CreateDelete() => Create("delete", "Delete documents (gone from search at once)", DeleteAsync, (client, id, ct) => client.DeleteDocumentAsync(id, ct));

    public static Command CreateReingest() => Create("reingest", "Extract and index documents again", ReingestAsync, (client, id, ct) => client.ReingestDocumentAsync(id, ct));

    public static Command CreateList()
    {
        var command = new Command("documents", "List the documents in the catalog");
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            var documentStore = services.GetRequiredService<DocumentStore>();
            foreach (var document in documentStore.List(0, int.MaxValue))
            {
                Console.WriteLine($"{document.Id}  {document.Kind.ToString().ToLowerInvariant(),-5} {document.PageCount,5} p.  {document.Title}");
            }

            return 0;
        });
        return command;
    }

    private static Command Create(
        string name,
        string description,
        Func<ServiceProvider, string, CancellationToken, Task<string?>> local,
        Func<ServerClient, string, CancellationToken, Task<string?>> remote)
    {
        var ids = new Argument<string[]>("ids") { Arity = ArgumentArity.OneOrMore, Description = "Document ids (16 hex characters)" };
        var command = new Command(name, description) { ids };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            ServerClient? client = null;
            if (!CliServices.TryHoldIndex(services))
            {
                client = new ServerClient(CliServices.ServerUrl(services, result.GetValue(CommonOptions.Server)));
            }

            using (client)
            {
                var failures = 0;
                foreach (var id in result.GetValue(ids) ?? [])
                {
                    var error = !DocumentIds.IsValidId(id)
                        ? "not a document id"
                        : client is null ? await local(services, id, cancellationToken) : await remote(client, id, cancellationToken);
                    Console.WriteLine(error is null ? $"{name,-9} {id}" : $"failed    {id}  {error}");
                    failures += error is null ? 0 : 1;
                }

                return failures == 0 ? 0 : 1;
            }
        });
        return command;
    }

    private static async Task<string?> DeleteAsync(ServiceProvider services, string id, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DocumentService>().DeleteAsync(id, cancellationToken) ? null : "no such document";

    private static async Task<string?> ReingestAsync(ServiceProvider services, string id, CancellationToken cancellationToken)
    {
        var job = services.GetRequiredService<DocumentService>().Reingest(id, Environment.UserName);
        if (job is null)
        {
            return "no such document";
        }

        var jobStore = services.GetRequiredService<JobStore>();
        await services.GetRequiredService<JobQueueRunner>().RunAsync(() => jobStore.Get(job.Id)!.IsFinished, 1, cancellationToken);
        var finished = jobStore.Get(job.Id)!;
        return finished.State == Core.Jobs.JobState.Done ? null : $"{finished.State.ToString().ToLowerInvariant()}: {finished.Reason}";
    }
}
