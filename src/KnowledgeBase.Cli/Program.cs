using System.CommandLine;

// Each command lives in Commands/<Name>Command.cs and offers a static Create().
var root = new RootCommand("kb — KnowledgeBase command line");
root.Subcommands.Add(KnowledgeBase.Cli.Commands.EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
