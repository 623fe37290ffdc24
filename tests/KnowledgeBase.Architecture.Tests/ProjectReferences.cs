using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Architecture.Tests;

/// <summary>
/// Everything a src project references, read two ways: as declared (its csproj, and the restore's
/// obj/project.assets.json, which also holds what Directory.Build.props and the SDK add), and as compiled (the
/// assembly references of its built assembly, copied beside these tests). A reference the code no longer uses
/// shows only in the first; one that arrives through a project only in the second.
/// </summary>
public static class ProjectReferences
{
    private const string KnowledgeBasePrefix = "KnowledgeBase.";

    public static string SrcFolder => Path.Combine(TestPaths.RepositoryRoot, "src");

    /// <summary>The projects under src/, by name.</summary>
    public static IReadOnlyList<string> ProjectsUnderSrc() =>
        [.. Directory.EnumerateFiles(SrcFolder, "*.csproj", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    public static IReadOnlyList<Reference> Of(SrcProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return [.. Declared(project), .. Compiled(project)];
    }

    /// <summary>A referenced project's name, whichever way it was read.</summary>
    public static bool IsProject(Reference reference) =>
        reference.Kind == ReferenceKind.Project || (reference.Kind == ReferenceKind.Assembly && reference.Name.StartsWith(KnowledgeBasePrefix, StringComparison.Ordinal));

    /// <summary>
    /// True for an assembly of the .NET runtime itself (System.*, Microsoft.Win32.*, netstandard…): the
    /// files of the shared framework these tests run on.
    /// </summary>
    public static bool IsRuntimeAssembly(string name) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, name + ".dll"));

    private static IEnumerable<Reference> Declared(SrcProject project)
    {
        var folder = Path.Combine(SrcFolder, project.Name);
        var csproj = Path.Combine(folder, project.Name + ".csproj");
        var source = Path.GetRelativePath(TestPaths.RepositoryRoot, csproj);
        foreach (var item in XDocument.Load(csproj).Descendants())
        {
            var include = item.Attribute("Include")?.Value;
            var kind = item.Name.LocalName switch
            {
                "ProjectReference" => ReferenceKind.Project,
                "PackageReference" => ReferenceKind.Package,
                "FrameworkReference" => ReferenceKind.Framework,
                _ => (ReferenceKind?)null,
            };
            if (include is not null && kind is { } k)
            {
                yield return new Reference(k == ReferenceKind.Project ? ProjectName(include) : include, k, source);
            }
        }

        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            throw new InvalidOperationException($"{Path.GetRelativePath(TestPaths.RepositoryRoot, assets)} is missing: restore the solution first (dotnet restore).");
        }

        source = Path.GetRelativePath(TestPaths.RepositoryRoot, assets);
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var root = json.RootElement.GetProperty("project");
        foreach (var framework in root.GetProperty("frameworks").EnumerateObject())
        {
            foreach (var package in Names(framework.Value, "dependencies"))
            {
                yield return new Reference(package, ReferenceKind.Package, source);
            }

            foreach (var reference in Names(framework.Value, "frameworkReferences"))
            {
                yield return new Reference(reference, ReferenceKind.Framework, source);
            }
        }

        foreach (var framework in root.GetProperty("restore").GetProperty("frameworks").EnumerateObject())
        {
            foreach (var path in Names(framework.Value, "projectReferences"))
            {
                yield return new Reference(ProjectName(path), ReferenceKind.Project, source);
            }
        }
    }

    private static IEnumerable<Reference> Compiled(SrcProject project)
    {
        var file = Path.Combine(AppContext.BaseDirectory, project.AssemblyName + ".dll");
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = new List<Reference>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            references.Add(new Reference(metadata.GetString(metadata.GetAssemblyReference(handle).Name), ReferenceKind.Assembly, Path.GetFileName(file)));
        }

        return references;
    }

    private static IEnumerable<string> Names(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.EnumerateObject().Select(p => p.Name) : [];

    private static string ProjectName(string path) => Path.GetFileNameWithoutExtension(path.Replace('\\', '/'));
}
