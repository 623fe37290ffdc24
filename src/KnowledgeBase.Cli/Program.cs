using System.CommandLine;

var root = new RootCommand("kb — KnowledgeBase command line");
return await root.Parse(args).InvokeAsync();
