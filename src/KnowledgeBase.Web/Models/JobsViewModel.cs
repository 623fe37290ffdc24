using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Pipeline;

namespace KnowledgeBase.Web.Models;

/// <summary>What the jobs page shows.</summary>
/// <param name="Jobs">The latest jobs (of <paramref name="State"/> when given).</param>
/// <param name="Counts">Jobs per state.</param>
/// <param name="State">The state the list is filtered by, if any.</param>
/// <param name="Message">A one-off message (after a retry).</param>
/// <param name="StartupFailure">The worker's start-up index work failed and waits to be tried again: queued jobs wait for it.</param>
/// <param name="ShowStartupError">Whether the caller may read that failure's error text (admins: it may name server paths).</param>
public sealed record JobsViewModel(IReadOnlyList<JobInfo> Jobs, IReadOnlyDictionary<JobState, int> Counts, JobState? State, string? Message, WorkerStartupFailure? StartupFailure = null, bool ShowStartupError = false);
