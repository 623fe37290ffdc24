using System.CommandLine;

namespace KnowledgeBase.Cli.Commands;

/// <summary>Options every command understands.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (default: index/ of the repository, or KnowledgeBase__DataPath)",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show informational log messages",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API token for the running app (default: the KB_TOKEN environment variable); see kb tokens create",
        Recursive = true,
    };

    public static readonly Option<string?> Server = new("--server")
    {
        Description = "Address of the running app to talk to when it holds the index (default: Server:Url, http://127.0.0.1:5000)",
        Recursive = true,
    };
}
