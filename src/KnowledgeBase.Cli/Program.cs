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
return await parsed.InvokeAsync();
