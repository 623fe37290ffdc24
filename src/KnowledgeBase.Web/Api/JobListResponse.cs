using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Api;

/// <summary>The JSON of <c>GET /api/jobs</c>: the number of jobs in each state, and the latest jobs.</summary>
public sealed record JobListResponse(IReadOnlyDictionary<JobState, int> Counts, IReadOnlyList<JobResponse> Jobs);
