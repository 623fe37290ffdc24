using KnowledgeBase.Core.Hosting;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>The build of the web app that <c>kb bench search --web</c> starts, and whether it runs the same search code as kb.</summary>
internal static class WebAppBuild
{
    /// <summary>The web app built in the same configuration as this kb, in the repository kb runs from.</summary>
    public static string? Locate() => Locate(AppContext.BaseDirectory, new KnowledgeBaseOptions().EffectiveBaseDirectory);

    /// <summary>
    /// The web app built in the configuration of the kb in <paramref name="kbDirectory"/>: first in the repository that
    /// kb was built in, then under <paramref name="configuredBase"/> (the data base directory, often the current one).
    /// The other order timed a stale web build of whatever checkout the command was started from.
    /// </summary>
    internal static string? Locate(string kbDirectory, string? configuredBase)
    {
        var configuration = kbDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var root in new[] { FindUp(kbDirectory), configuredBase })
        {
            if (root is null)
            {
                continue;
            }

            var dll = Path.Combine(root, "src", "KnowledgeBase.Web", "bin", configuration, "net10.0", "KnowledgeBase.Web.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        return null;
    }

    /// <summary>
    /// The web app's <c>KnowledgeBase.Search.dll</c> when it differs from kb's own: a web build older than kb's
    /// would time other search code than the in-process rows.
    /// </summary>
    public static string? StaleSearchAssembly(string dll)
    {
        var ours = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase.Search.dll");
        var theirs = Path.Combine(Path.GetDirectoryName(dll)!, "KnowledgeBase.Search.dll");
        return File.Exists(ours) && File.Exists(theirs) && !File.ReadAllBytes(ours).AsSpan().SequenceEqual(File.ReadAllBytes(theirs)) ? theirs : null;
    }

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
