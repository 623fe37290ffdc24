using KnowledgeBase.Core.Hosting;

namespace KnowledgeBase.Core.Tests.Hosting;

public sealed class KnowledgeBaseOptionsTests
{
    [Fact]
    public void RelativePaths_ResolveAgainstTheBaseDirectory()
    {
        var root = Path.Combine(Path.GetTempPath(), "kb-options");
        var options = new KnowledgeBaseOptions { BaseDirectory = root, DataPath = "data", SeedsPath = "seeds" };

        Assert.Equal(Path.Combine(root, "data"), options.DataDirectory);
        Assert.Equal(Path.Combine(root, "seeds"), options.SeedsDirectory);
        Assert.Equal(Path.Combine(root, "data", "catalog.db"), options.Resolve("catalog.db"));
        Assert.Equal("/abs/catalog.db", options.Resolve("/abs/catalog.db"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptySeedsPath_MeansNoSeeds(string? seeds)
    {
        Assert.Null(new KnowledgeBaseOptions { SeedsPath = seeds }.SeedsDirectory);
    }

    [Fact]
    public void NoBaseDirectory_FindsTheFolderHoldingTheSolution()
    {
        var options = new KnowledgeBaseOptions();

        // Tests run from inside the clone: the base is the folder with KnowledgeBase.sln, above bin/.
        Assert.True(File.Exists(Path.Combine(options.EffectiveBaseDirectory, "KnowledgeBase.sln")));
        Assert.Equal(Path.Combine(options.EffectiveBaseDirectory, "index"), options.DataDirectory);
    }
}
