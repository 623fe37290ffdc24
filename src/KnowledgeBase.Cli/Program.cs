using System.CommandLine;
using KnowledgeBase.Cli;
using KnowledgeBase.Cli.Commands;
using KnowledgeBase.Cli.Commands.Bench;
using KnowledgeBase.Ingestion.Isolation;

// The worker starts kb itself to extract one file in isolation.
if (ExtractionWorkerProgram.IsWorkerInvocation(args))
{
    return await ExtractionWorkerProgram.RunAsync(args);
}

// Each command lives in Commands/<Name>Command.cs and offers a static Create().
var root = new RootCommand("kb — KnowledgeBase command line")
{
    CommonOptions.Data,
    CommonOptions.Verbose,
    CommonOptions.Server,
    CommonOptions.Token,
};
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(DocumentCommands.CreateList());
root.Subcommands.Add(DocumentCommands.CreateDelete());
root.Subcommands.Add(DocumentCommands.CreateReingest());
root.Subcommands.Add(ReindexCommand.Create());
root.Subcommands.Add(OptimizeCommand.Create());
root.Subcommands.Add(BackupCommand.Create());
root.Subcommands.Add(RestoreCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(TuneCommand.Create());
root.Subcommands.Add(AccountCommands.CreateUsers());
root.Subcommands.Add(AccountCommands.CreateTokens());
var parsed = root.Parse(args);
ServerClient.Token = parsed.GetValue(CommonOptions.Token) ?? Environment.GetEnvironmentVariable(ServerClient.TokenVariable);
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (HttpRequestException e) when (e.StatusCode is null)
{
    // The folder is held by a running app, but nothing answers at the address kb was given (--server, Server:Url, default
    // http://127.0.0.1:5000): say so in one line instead of a stack trace.
    await Console.Error.WriteLineAsync(
        $"kb: the app that holds this data folder did not answer ({e.Message}). If it listens on another address, pass it with --server URL (or the Server__Url environment variable); if it is stopping, try again when it has stopped.");
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}
catch (Exception e)
{
    // As System.CommandLine's default handler: the exception on standard error, exit code 1.
    await Console.Error.WriteLineAsync($"Unhandled exception: {e}");
    return 1;
}
