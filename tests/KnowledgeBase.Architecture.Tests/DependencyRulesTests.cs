namespace KnowledgeBase.Architecture.Tests;

/// <summary>
/// The "never" arrows of docs/architecture.md, checked on every src project's declared and compiled references.
/// Each failure names the project, the reference and where it was found.
/// </summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string> ProjectNames => [.. ArchitectureMap.Projects.Select(p => p.Name)];

    [Fact]
    public void EveryProjectUnderSrc_IsOnTheMap()
    {
        var mapped = ArchitectureMap.Projects.Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(mapped, ProjectReferences.ProjectsUnderSrc());
    }

    [Fact]
    public void References_ReadBothWays_DeclaredAndCompiled()
    {
        // The rules below pass vacuously if nothing is read: what is known to be there must be found.
        var search = ProjectReferences.Of(Project(ArchitectureMap.Search));
        var web = ProjectReferences.Of(Project(ArchitectureMap.Web));

        Assert.Contains(search, r => r is { Name: "Lucene.Net", Kind: ReferenceKind.Package });
        Assert.Contains(search, r => r is { Name: "Lucene.Net", Kind: ReferenceKind.Assembly });
        Assert.Contains(search, r => r is { Name: ArchitectureMap.Core, Kind: ReferenceKind.Project });
        Assert.Contains(web, r => r is { Name: "Microsoft.AspNetCore.App", Kind: ReferenceKind.Framework });
        Assert.Contains(web, r => r is { Name: ArchitectureMap.Search, Kind: ReferenceKind.Assembly });
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void ProjectReferences_OnlyThoseTheMapAllows(string name)
    {
        var project = Project(name);

        AssertNone(project, r => ProjectReferences.IsProject(r) && r.Name != project.Name && !project.MayReference.Contains(r.Name), $"{project.Name} may reference {MayReferenceText(project)}");
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Lucene_OnlyInSearch(string name) =>
        AssertNoneNamed(Project(name), p => p.Lucene, "Lucene.", "Lucene.* belongs to KnowledgeBase.Search alone; go through its types");

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void AspNetCore_OnlyInWeb(string name)
    {
        var project = Project(name);
        if (!project.AspNetCore)
        {
            AssertNone(
                project,
                r => r.Kind != ReferenceKind.Project && r.Name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && !project.AspNetCoreLibraries.Contains(r.Name),
                "Microsoft.AspNetCore.* belongs to KnowledgeBase.Web alone; elsewhere use the Microsoft.Extensions.* packages");
        }
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void PlainDotNetProjects_NothingThirdParty(string name)
    {
        var project = Project(name);
        if (!project.ThirdParty)
        {
            AssertNone(
                project,
                r => r.Kind switch
                {
                    ReferenceKind.Package => true,
                    ReferenceKind.Framework => r.Name != "Microsoft.NETCore.App",
                    ReferenceKind.Assembly => !ProjectReferences.IsProject(r) && !ProjectReferences.IsRuntimeAssembly(r.Name),
                    _ => false,
                },
                $"{project.Name} is plain .NET: the runtime and {MayReferenceText(project)}");
        }
    }

    private static SrcProject Project(string name) => ArchitectureMap.Projects.Single(p => p.Name == name);

    private static string MayReferenceText(SrcProject project) =>
        project.MayReference.Count == 0 ? "no project of the solution" : "only the projects " + string.Join(", ", project.MayReference);

    /// <summary>No package, framework or assembly whose name starts with <paramref name="prefix"/>, unless <paramref name="allowed"/>.</summary>
    private static void AssertNoneNamed(SrcProject project, Func<SrcProject, bool> allowed, string prefix, string rule)
    {
        if (!allowed(project))
        {
            AssertNone(project, r => r.Kind != ReferenceKind.Project && r.Name.StartsWith(prefix, StringComparison.Ordinal), rule);
        }
    }

    private static void AssertNone(SrcProject project, Func<Reference, bool> forbidden, string rule)
    {
        var offending = ProjectReferences.Of(project).Where(forbidden).Distinct().ToList();
        Assert.True(
            offending.Count == 0,
            $"{project.Name} must not reference: {string.Join("; ", offending)}. Rule: {rule} (docs/architecture.md).");
    }
}
