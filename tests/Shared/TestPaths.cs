namespace KnowledgeBase.Testing;

/// <summary>Paths of the repository and of the evaluation data beside it (<c>../shared/data</c>).</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding KnowledgeBase.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Seeds => Path.Combine(RepositoryRoot, "seeds");

    /// <summary><c>../shared/data</c> from the repository root; it may be absent (a user's fresh clone).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static bool HasSharedData => Directory.Exists(SharedData);

    public static string InSharedData(params string[] parts) => Path.Combine([SharedData, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KnowledgeBase.sln not found above " + AppContext.BaseDirectory);
    }
}
