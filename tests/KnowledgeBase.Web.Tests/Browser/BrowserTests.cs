namespace KnowledgeBase.Web.Tests.Browser;

/// <summary>Browser tests run one after another: each starts an app and a browser on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTests
{
    public const string Name = "Browser";
}
