using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Jobs;

/// <summary>One ingestion job as recorded in the catalog.</summary>
public sealed record JobInfo
{
    public required long Id { get; init; }

    public required string ContentHash { get; init; }

    public required string FileName { get; init; }

    public required string Source { get; init; }

    public required JobState State { get; init; }

    public required DocumentKind Kind { get; init; }

    public IntakeMetadata Metadata { get; init; } = new();

    /// <summary>The document the job produced (or duplicated).</summary>
    public string? DocumentId { get; init; }

    /// <summary>Why the job failed (or what it duplicated), in words a person can read.</summary>
    public string? Reason { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When a retry may run (transient failures back off).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Duplicate;
}
