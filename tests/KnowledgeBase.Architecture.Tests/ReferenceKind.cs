namespace KnowledgeBase.Architecture.Tests;

/// <summary>How a project depends on something, from where it is declared to what its compiled assembly uses.</summary>
public enum ReferenceKind
{
    /// <summary>A <c>ProjectReference</c> (the csproj, or the restore's project.assets.json).</summary>
    Project,

    /// <summary>A <c>PackageReference</c>, direct (the csproj, or the restore's project.assets.json).</summary>
    Package,

    /// <summary>A <c>FrameworkReference</c>, explicit or brought by the SDK (Microsoft.NET.Sdk.Web brings ASP.NET Core).</summary>
    Framework,

    /// <summary>An assembly the compiled project references (its metadata): what the code actually uses.</summary>
    Assembly,
}
