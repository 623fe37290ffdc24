namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>The web app in memory over an empty data folder (no seeds): for tests that need no documents.</summary>
public sealed class EmptyWebAppFactory : WebAppFactory
{
    protected override string? SeedsPath => null;
}
