using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Models;

public sealed record JobsViewModel(IReadOnlyList<JobInfo> Jobs, IReadOnlyDictionary<JobState, int> Counts, JobState? State, string? Message);
