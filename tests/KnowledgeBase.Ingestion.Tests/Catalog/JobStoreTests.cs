using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Ingestion.Tests.Catalog;

/// <summary>Ingestion jobs in the catalog: creation, claims, state changes.</summary>
public sealed class JobStoreTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();

    [Fact]
    public void ClaimNext_TakesOldestQueuedOnceAndCountsTheAttempt()
    {
        var first = _catalog.NewJob("1");
        var second = _catalog.NewJob("2");

        var claimed = _catalog.Jobs.ClaimNext(DateTimeOffset.UtcNow);
        Assert.Equal(first.Id, claimed!.Id);
        Assert.Equal(JobState.Extracting, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(second.Id, _catalog.Jobs.ClaimNext(DateTimeOffset.UtcNow)!.Id);
        Assert.Null(_catalog.Jobs.ClaimNext(DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ClaimNext_ConcurrentClaims_NeverHandOutAJobTwice()
    {
        var ids = Enumerable.Range(0, 40).Select(i => _catalog.NewJob(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Id).ToHashSet();
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 4, _ =>
        {
            while (_catalog.Jobs.ClaimNext(DateTimeOffset.UtcNow) is { } job)
            {
                claimed.Add(job.Id);
            }
        });

        Assert.Equal(ids.Count, claimed.Count);
        Assert.Equal(ids, claimed.ToHashSet());
    }

    [Fact]
    public void SetStates_SetsEachJobAsSetStateDoes()
    {
        var first = _catalog.NewJob("1");
        var second = _catalog.NewJob("2");
        var untouched = _catalog.NewJob("3");
        _catalog.Jobs.SetState(second.Id, JobState.Queued, "retry", documentId: "kept", notBefore: DateTimeOffset.UtcNow.AddMinutes(5));

        _catalog.Jobs.SetStates([(first.Id, JobState.Done, "cảnh báo", "doc-1"), (second.Id, JobState.Indexing, null, null)]);

        var one = _catalog.Jobs.Get(first.Id)!;
        Assert.Equal((JobState.Done, "cảnh báo", "doc-1"), (one.State, one.Reason, one.DocumentId));
        var two = _catalog.Jobs.Get(second.Id)!;
        Assert.Equal((JobState.Indexing, null, "kept"), (two.State, two.Reason, two.DocumentId));
        Assert.Equal(JobState.Queued, _catalog.Jobs.Get(untouched.Id)!.State);
    }

    [Fact]
    public void ClaimNext_RespectsRetryDelay()
    {
        var job = _catalog.NewJob("1");
        _catalog.Jobs.SetState(job.Id, JobState.Queued, "retry", notBefore: DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.Null(_catalog.Jobs.ClaimNext(DateTimeOffset.UtcNow));
        Assert.Equal(job.Id, _catalog.Jobs.ClaimNext(DateTimeOffset.UtcNow.AddMinutes(6))?.Id);
    }

    [Fact]
    public void RequeueInterrupted_PutsRunningJobsBackInTheQueue()
    {
        var extracting = _catalog.NewJob("1");
        var indexing = _catalog.NewJob("2");
        var done = _catalog.NewJob("3");
        _catalog.Jobs.SetState(extracting.Id, JobState.Extracting);
        _catalog.Jobs.SetState(indexing.Id, JobState.Indexing);
        _catalog.Jobs.SetState(done.Id, JobState.Done);

        Assert.Equal(2, _catalog.Jobs.RequeueInterrupted());
        Assert.Equal(JobState.Queued, _catalog.Jobs.Get(extracting.Id)!.State);
        Assert.Equal(JobState.Queued, _catalog.Jobs.Get(indexing.Id)!.State);
        Assert.Equal(JobState.Done, _catalog.Jobs.Get(done.Id)!.State);
    }

    [Fact]
    public void Retry_OnlyFailedJobsGoBackToTheQueue()
    {
        var failed = _catalog.NewJob("1");
        _catalog.Jobs.SetState(failed.Id, JobState.Failed, "bad");
        var done = _catalog.NewJob("2");
        _catalog.Jobs.SetState(done.Id, JobState.Done);

        Assert.True(_catalog.Jobs.Retry(failed.Id));
        Assert.False(_catalog.Jobs.Retry(done.Id));
        var retried = _catalog.Jobs.Get(failed.Id)!;
        Assert.Equal(JobState.Queued, retried.State);
        Assert.Null(retried.Reason);
        Assert.Equal(0, retried.Attempts);
    }

    [Fact]
    public void CountByState_CountsEveryState()
    {
        _catalog.NewJob("1");
        var failed = _catalog.NewJob("2");
        _catalog.Jobs.SetState(failed.Id, JobState.Failed, "x");

        var counts = _catalog.Jobs.CountByState();
        Assert.Equal(1, counts[JobState.Queued]);
        Assert.Equal(1, counts[JobState.Failed]);
        Assert.Equal(0, counts[JobState.Done]);
    }

    [Fact]
    public void Create_KeepsIntakeMetadata()
    {
        var metadata = new IntakeMetadata { Title = "Tiêu đề", Tags = ["a", "b"], Visibility = DocumentVisibility.Private, SourceUrl = "https://example.org/a" };
        var job = _catalog.Jobs.Create(new string('e', 64), DocumentKind.Html, "a.html", "url", metadata);
        Assert.Equal(metadata.Title, _catalog.Jobs.Get(job.Id)!.Metadata.Title);
        Assert.Equal(metadata.Tags, _catalog.Jobs.Get(job.Id)!.Metadata.Tags);
        Assert.Equal(DocumentVisibility.Private, _catalog.Jobs.Get(job.Id)!.Metadata.Visibility);
    }

    public void Dispose() => _catalog.Dispose();
}
