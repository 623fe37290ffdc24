using System.Reflection;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// The command line that starts an extraction worker process: the executable and the arguments before
/// <see cref="ExtractionWorkerProgram.Verb"/>. By default the current host itself (the web app or <c>kb</c>),
/// which recognizes the verb first thing and hands over to <see cref="ExtractionWorkerProgram"/>.
/// </summary>
public sealed record ExtractionWorkerCommand(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The running host, started again. Null when it cannot be restarted that way (e.g. a test runner).</summary>
    public static ExtractionWorkerCommand? CurrentHost()
    {
        var processPath = Environment.ProcessPath;
        var entry = Assembly.GetEntryAssembly();
        if (processPath is null || entry is null)
        {
            return null;
        }

        var entryName = entry.GetName().Name ?? string.Empty;
        if (entryName.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
            || entryName.StartsWith("ReSharperTestRunner", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Under "dotnet app.dll" the process is the dotnet muxer: pass the entry assembly again.
        var isMuxer = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isMuxer ? new ExtractionWorkerCommand(processPath, [entry.Location]) : new ExtractionWorkerCommand(processPath, []);
    }

    /// <summary>A host assembly beside this one (<c>dotnet KnowledgeBase.Web.dll</c>), for test runners.</summary>
    public static ExtractionWorkerCommand? BesideThisAssembly(string assemblyFileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyFileName);
        var runtimeConfig = Path.ChangeExtension(path, ".runtimeconfig.json");
        var dotnet = DotnetMuxer();
        return File.Exists(path) && File.Exists(runtimeConfig) && dotnet is not null ? new ExtractionWorkerCommand(dotnet, [path]) : null;
    }

    private static string? DotnetMuxer()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidates = new[]
        {
            root is null ? null : Path.Combine(root, "dotnet"),
            Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : null,
            "/usr/share/dotnet/dotnet",
            "/usr/lib/dotnet/dotnet",
            "/usr/bin/dotnet",
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c));
    }
}
