namespace KnowledgeBase.Core.Hosting;

/// <summary>
/// Where the application keeps its data. Relative paths are resolved against <see cref="BaseDirectory"/>:
/// by default the repository root when run from a clone (the nearest folder above the working directory
/// that holds <c>KnowledgeBase.sln</c>), else the working directory — so <c>dotnet run</c> of the web app
/// and of <c>kb</c> share one <c>index/</c> and <c>seeds/</c>, whatever folder they start in.
/// </summary>
public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";
    private const string SolutionMarker = "KnowledgeBase.sln";

    /// <summary>The data folder: Lucene index, stored originals, catalog, inbox.</summary>
    public string DataPath { get; set; } = "index";

    /// <summary>Sample documents ingested once on the first start; empty to skip.</summary>
    public string? SeedsPath { get; set; } = "seeds";

    /// <summary>What relative paths are resolved against; empty means "find it" (see the class summary).</summary>
    public string? BaseDirectory { get; set; }

    public string DataDirectory => Path.GetFullPath(DataPath, EffectiveBaseDirectory);

    public string? SeedsDirectory => string.IsNullOrWhiteSpace(SeedsPath) ? null : Path.GetFullPath(SeedsPath, EffectiveBaseDirectory);

    public string EffectiveBaseDirectory => string.IsNullOrWhiteSpace(BaseDirectory) ? FindBaseDirectory(Directory.GetCurrentDirectory()) : Path.GetFullPath(BaseDirectory);

    /// <summary>Resolves a path under the data folder (absolute paths are kept).</summary>
    public string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetFullPath(path, DataDirectory);
    }

    private static string FindBaseDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionMarker)))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
