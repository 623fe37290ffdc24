namespace KnowledgeBase.Ingestion;

public enum ExtractionIsolation
{
    /// <summary>
    /// Each extraction runs in a child process (a pooled extraction worker, <see cref="Isolation.ChildProcessExtractionRunner"/>)
    /// under a time and memory limit.
    /// </summary>
    ChildProcess,

    /// <summary>
    /// Extraction runs on a thread of the host (<see cref="Isolation.InProcessExtractionRunner"/>); a runaway file can
    /// only be abandoned, not stopped.
    /// </summary>
    InProcess,
}
