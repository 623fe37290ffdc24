namespace KnowledgeBase.Architecture.Tests;

/// <summary>
/// A project of src/ as docs/architecture.md maps it: the projects it may reference, and whether it may take
/// third-party packages, Lucene.Net or ASP.NET Core, and the few Microsoft.AspNetCore.* packages that are not the
/// framework but plain libraries it may take anyway (<see cref="AspNetCoreLibraries"/>).
/// </summary>
public sealed record SrcProject(string Name, string AssemblyName, IReadOnlyList<string> MayReference, bool ThirdParty, bool Lucene, bool AspNetCore)
{
    public IReadOnlyList<string> AspNetCoreLibraries { get; init; } = [];

    public override string ToString() => Name;
}
