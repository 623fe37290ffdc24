using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Api;

public sealed record JobListResponse(IReadOnlyDictionary<JobState, int> Counts, IReadOnlyList<JobInfo> Jobs);
