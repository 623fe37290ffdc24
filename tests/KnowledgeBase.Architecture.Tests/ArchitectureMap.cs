namespace KnowledgeBase.Architecture.Tests;

/// <summary>
/// The project map of docs/architecture.md, as data: change both together. Only Search speaks Lucene, only Web
/// takes ASP.NET Core, Core and Vietnamese are plain .NET, and Search and Ingestion never know each other
/// (Ingestion writes through Core's <c>IPassageIndex</c>).
/// </summary>
public static class ArchitectureMap
{
    public const string Core = "KnowledgeBase.Core";
    public const string Vietnamese = "KnowledgeBase.Vietnamese";
    public const string Search = "KnowledgeBase.Search";
    public const string Ingestion = "KnowledgeBase.Ingestion";
    public const string Web = "KnowledgeBase.Web";
    public const string Cli = "KnowledgeBase.Cli";

    /// <summary>
    /// What Microsoft.Extensions.Identity.Core (ASP.NET Core Identity's <c>PasswordHasher</c>, used by Ingestion's
    /// accounts so that <c>kb users add</c> hashes as the web app checks) brings: PBKDF2 helpers with no web in them.
    /// </summary>
    public static readonly IReadOnlyList<string> PasswordHashingLibraries =
        ["Microsoft.AspNetCore.Cryptography.Internal", "Microsoft.AspNetCore.Cryptography.KeyDerivation"];

    public static IReadOnlyList<SrcProject> Projects { get; } =
    [
        new(Core, Core, MayReference: [], ThirdParty: false, Lucene: false, AspNetCore: false),
        new(Vietnamese, Vietnamese, MayReference: [Core], ThirdParty: false, Lucene: false, AspNetCore: false),
        new(Search, Search, MayReference: [Core, Vietnamese], ThirdParty: true, Lucene: true, AspNetCore: false),
        new(Ingestion, Ingestion, MayReference: [Core, Vietnamese], ThirdParty: true, Lucene: false, AspNetCore: false) { AspNetCoreLibraries = PasswordHashingLibraries },
        new(Web, Web, MayReference: [Core, Vietnamese, Search, Ingestion], ThirdParty: true, Lucene: false, AspNetCore: true),
        new(Cli, "kb", MayReference: [Core, Vietnamese, Search, Ingestion], ThirdParty: true, Lucene: false, AspNetCore: false) { AspNetCoreLibraries = PasswordHashingLibraries },
    ];
}
