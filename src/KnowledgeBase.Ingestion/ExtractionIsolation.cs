namespace KnowledgeBase.Ingestion;

public enum ExtractionIsolation
{
    /// <summary>Each extraction runs in a child process under a time and memory limit.</summary>
    ChildProcess,

    /// <summary>Extraction runs on a thread of the host; a runaway file can only be abandoned, not stopped.</summary>
    InProcess,
}
