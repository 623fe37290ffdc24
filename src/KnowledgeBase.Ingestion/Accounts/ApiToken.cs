namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>An API token as the catalog keeps it: never the token itself, only its SHA-256.</summary>
public sealed record ApiToken(long Id, string UserName, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
