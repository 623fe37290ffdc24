namespace KnowledgeBase.Cli;

/// <summary>
/// Where kb finds the running app, to talk to it through its API when the app holds the index
/// (<c>Server:Url</c>; <c>--server</c> overrides it).
/// </summary>
internal sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>The app's address; the default is where the app listens unless told otherwise.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5000";
}
