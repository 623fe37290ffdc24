using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>The job a file became. A duplicate is recorded as a finished job pointing at the existing document.</summary>
public sealed record IntakeResult(JobInfo Job)
{
    public bool IsDuplicate => Job.State == JobState.Duplicate;
}
