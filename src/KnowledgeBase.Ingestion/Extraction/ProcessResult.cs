namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>What a child program did: its exit code and output, or that it ran out of time.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);
