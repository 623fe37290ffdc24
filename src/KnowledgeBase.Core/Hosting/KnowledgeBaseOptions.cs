namespace KnowledgeBase.Core.Hosting;

/// <summary>Where the application keeps its data. Relative paths are resolved against the working directory.</summary>
public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";

    /// <summary>The data folder: Lucene index, stored originals, catalog, inbox.</summary>
    public string DataPath { get; set; } = "index";

    /// <summary>Sample documents ingested once on the first start; empty to skip.</summary>
    public string? SeedsPath { get; set; } = "seeds";

    /// <summary>Resolves a path under the data folder (absolute paths are kept).</summary>
    public string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(DataPath, path));
    }
}
