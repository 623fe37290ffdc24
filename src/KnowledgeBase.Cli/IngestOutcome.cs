namespace KnowledgeBase.Cli;

/// <summary>What became of one file given to <c>kb ingest</c>.</summary>
internal sealed record IngestOutcome(string Path, string State, long? JobId, string? DocumentId, string? Reason);
