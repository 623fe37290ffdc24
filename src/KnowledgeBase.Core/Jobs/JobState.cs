namespace KnowledgeBase.Core.Jobs;

/// <summary>queued → extracting → indexing → done | failed | duplicate.</summary>
public enum JobState
{
    Queued,
    Extracting,
    Indexing,
    Done,
    Failed,
    Duplicate,
}
