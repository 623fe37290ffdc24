namespace KnowledgeBase.Testing;

/// <summary>
/// Paths of the repository, of the evaluation data beside it (<c>../shared/data</c>) and of the fixture files
/// this library copies into the output folder of every test project that references it.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding KnowledgeBase.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Seeds => Path.Combine(RepositoryRoot, "seeds");

    /// <summary>The golden PDFs of the extraction tests and the text each extracts to.</summary>
    public static string GoldenPdfs => Path.Combine(RepositoryRoot, "tests", "KnowledgeBase.Ingestion.Tests", "Extraction", "Golden");

    /// <summary>A file of this library's <c>Fixtures/</c> folder (e.g. <c>encrypted.pdf</c>), beside the running tests.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary><c>../shared/data</c> from the repository root; it may be absent (a user's fresh clone).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static bool HasSharedData => Directory.Exists(SharedData);

    /// <summary>Why a test reading <see cref="SharedData"/> is skipped, or null where the data is there.</summary>
    public static string? SharedDataMissing => HasSharedData
        ? null
        : $"Evaluation data not found at {SharedData} (it sits beside the project on the team's machines and in CI).";

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
