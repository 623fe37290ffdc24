namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>What an external program did: its exit code and output, or that it ran out of time.</summary>
public sealed record ExternalProgramResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);
