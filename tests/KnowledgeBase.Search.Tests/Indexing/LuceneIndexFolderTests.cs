using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Tests.Testing;
using KnowledgeBase.Testing;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Search.Tests.Indexing;

public sealed class LuceneIndexFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-index-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void OpenFolder_SecondWriterOnTheSameFolder_IsRefused()
    {
        using var first = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1));

        var error = Assert.Throws<IndexInUseException>(() => LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1)));
        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenFolder_FolderHeldByALuceneWriterWithoutTheFolderLock_IsRefusedAsInUse()
    {
        // An index built on a Directory takes only Lucene's write.lock: OpenFolder reports it the same way.
        using var first = new LuceneIndex(new SimpleFSDirectory(new DirectoryInfo(_folder)), TimeSpan.FromSeconds(1));

        var error = Assert.Throws<IndexInUseException>(() => LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1)));
        Assert.IsType<LockObtainFailedException>(error.InnerException);
    }

    [Fact]
    public void OpenFolder_AfterTheWriterIsDisposed_OpensAgain()
    {
        LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1)).Dispose();
        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1));
        Assert.Equal(0, again.PassageCount);
    }

    [Fact]
    public async Task Rebuild_SearchesSeeTheOldCompleteIndexUntilTheRebuildCommits_ThenTheNewOne()
    {
        using var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
        Write(index, "aaaaaaaaaaaaaaa2", "thủ tục hành chính");
        await index.CommitAsync();

        index.BeginRebuild();
        Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");

        // What the refresh timer, another commit (an edit on the web) and a health probe do meanwhile: none of them
        // shows the half-rebuilt index.
        index.Refresh();
        await index.CommitAsync();
        Assert.True(index.IsRebuilding);
        Assert.Equal(2, index.PassageCount);

        await index.CompleteRebuildAsync();
        Assert.False(index.IsRebuilding);
        Assert.False(index.IsOutdated);
        Assert.Equal(1, index.PassageCount);
    }

    [Fact]
    public async Task Rebuild_InterruptedByAStop_LeavesTheLastCompleteCommit()
    {
        using (var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10)))
        {
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
            Write(index, "aaaaaaaaaaaaaaa2", "thủ tục hành chính");
            await index.CommitAsync();
            index.BeginRebuild();
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
        }

        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Assert.Equal(2, again.PassageCount);
    }

    [Fact]
    public async Task Rebuild_ABackupMeanwhile_CopiesTheLastCompleteCommitAndCommitsNothing()
    {
        var copy = _folder + "-copy";
        try
        {
            using var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
            Write(index, "aaaaaaaaaaaaaaa2", "thủ tục hành chính");
            await index.CommitAsync();
            index.BeginRebuild();
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");

            var snapshot = index.CopySnapshotTo(copy, _ => true);

            Assert.Equal(2, snapshot.Documents);
            Assert.Equal(2, index.PassageCount);
        }
        finally
        {
            if (System.IO.Directory.Exists(copy))
            {
                System.IO.Directory.Delete(copy, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Rebuild_CommitFailsOnAFullDisk_StaysInRebuildMode_PublishesNothing_ThenARebuildStartedAgainCompletes()
    {
        FullDiskDirectory? disk = null;
        using (var index = LuceneIndex.OpenFolder(_folder, folder => disk = new FullDiskDirectory(new SimpleFSDirectory(folder)), TimeSpan.FromMinutes(10)))
        {
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
            Write(index, "aaaaaaaaaaaaaaa2", "thủ tục hành chính");
            await index.CommitAsync();

            index.BeginRebuild();
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
            disk!.Full = true;
            await Assert.ThrowsAsync<IOException>(() => index.CompleteRebuildAsync());

            // Still in rebuild mode: another commit (an edit on the web), a refresh and a backup publish nothing of
            // the half-rebuilt writer; searches keep the last complete commit.
            disk.Full = false;
            Assert.True(index.IsRebuilding);
            await index.CommitAsync();
            index.Refresh();
            Assert.Equal(2, index.PassageCount);

            // The retry starts over from an empty writer: nothing of the failed attempt is doubled.
            index.BeginRebuild();
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
            Write(index, "aaaaaaaaaaaaaaa3", "đất đai");
            Write(index, "aaaaaaaaaaaaaaa4", "môi trường");
            await index.CompleteRebuildAsync();
            Assert.False(index.IsRebuilding);
            Assert.Equal(3, index.PassageCount);
        }

        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Assert.Equal(3, again.PassageCount);
        Assert.Equal(3, again.DocumentIds().Count);
    }

    [Fact]
    public async Task Rebuild_CommitFailsOnAFullDisk_ThenTheIndexCloses_TheLastCompleteCommitStays()
    {
        FullDiskDirectory? disk = null;
        using (var index = LuceneIndex.OpenFolder(_folder, folder => disk = new FullDiskDirectory(new SimpleFSDirectory(folder)), TimeSpan.FromMinutes(10)))
        {
            Write(index, "aaaaaaaaaaaaaaa1", "cải cách hành chính");
            Write(index, "aaaaaaaaaaaaaaa2", "thủ tục hành chính");
            await index.CommitAsync();
            index.BeginRebuild();
            Write(index, "aaaaaaaaaaaaaaa3", "đất đai");
            disk!.Full = true;
            await Assert.ThrowsAsync<IOException>(() => index.CompleteRebuildAsync());
            disk.Full = false;
        }

        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Assert.Equal(2, again.PassageCount);
    }

    private static void Write(LuceneIndex index, string id, string text) =>
        index.Upsert(TestDocuments.Text(id, "Tài liệu " + id[^1]), [new Passage { DocumentId = id, Ordinal = 0, PageNumber = 1, Text = text }]);

    [Fact]
    public async Task OpenFolder_LockStillHeldAMomentAfterItsWriterLetGo_WaitsAndOpens()
    {
        // What a child process being started does: from its fork to its exec it holds a copy of the lock's open file,
        // and with it the lock, after the index that took it is disposed. Here another open file holds it for 300 ms.
        LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1)).Dispose();
        var held = new FileStream(Path.Combine(_folder, FolderLock.FileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            await held.DisposeAsync();
        });

        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1));
        await release;
        Assert.Equal(0, again.PassageCount);
    }

    [Fact]
    public void FolderLock_AnotherIoError_IsNotCalledInUse()
    {
        System.IO.Directory.CreateDirectory(_folder);
        Assert.Throws<DirectoryNotFoundException>(() => FolderLock.Acquire(Path.Combine(_folder, "missing", "lucene"), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Dispose_WhileSearchersAreBeingRefreshed_ReleasesTheFolder()
    {
        // The refresh timer's callback runs on the thread pool and may be inside MaybeRefresh when the host stops: a
        // loaded machine makes that likely. Here a thread refreshes without a pause while the index is disposed, many
        // times: every time the folder must open again at once, with everything written before.
        for (var round = 0; round < 40; round++)
        {
            var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMilliseconds(1));
            var id = "aaaaaaaaaaaa" + round.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            index.Upsert(TestDocuments.Text(id, "Vòng " + round), [new Passage { DocumentId = id, Ordinal = 0, PageNumber = 1, Text = "cải cách hành chính vòng " + round }]);
            using var stop = new CancellationTokenSource();
            var refresher = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    index.Refresh();
                }
            });
            await Task.Delay(2);
            index.Dispose();
            await stop.CancelAsync();
            await refresher;

            using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
            Assert.Equal(round + 1, again.PassageCount);
        }
    }

    [Fact]
    public async Task Dispose_CommitFailsOnAFullDisk_LogsIt_DoesNotThrow_AndStillReleasesTheWriterTheDirectoryAndTheFolderLock()
    {
        FullDiskDirectory? disk = null;
        var log = new RecordingLogger<LuceneIndex>();
        var index = LuceneIndex.OpenFolder(_folder, folder => disk = new FullDiskDirectory(new SimpleFSDirectory(folder)), TimeSpan.FromMinutes(10), logger: log);
        index.Upsert(TestDocuments.Text("aaaaaaaaaaaaaaa1", "Đã lưu"), [new Passage { DocumentId = "aaaaaaaaaaaaaaa1", Ordinal = 0, PageNumber = 1, Text = "cải cách hành chính" }]);
        await index.CommitAsync();
        index.Upsert(TestDocuments.Text("aaaaaaaaaaaaaaa2", "Chưa lưu"), [new Passage { DocumentId = "aaaaaaaaaaaaaaa2", Ordinal = 0, PageNumber = 1, Text = "thủ tục hành chính" }]);
        disk!.Full = true;

        // A graceful stop on a full disk: the failed final commit is logged, not thrown (the host exits normally)...
        index.Dispose();
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == FullDiskDirectory.Message);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("final commit failed", StringComparison.Ordinal));
        Assert.True(disk.Disposed);

        // ...and nothing stays held: the folder opens again in this process, with what was committed before.
        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Assert.Equal(1, again.PassageCount);
        Assert.False(again.IsOutdated);
    }

    [Fact]
    public void OpenFolder_NewOrCurrentIndex_NotOutdated()
    {
        using (var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1)))
        {
            Assert.False(index.IsOutdated);
            index.Upsert(TestDocuments.Text("0123456789abcdef", "Kế hoạch"), [new Core.Documents.Passage { DocumentId = "0123456789abcdef", Ordinal = 0, PageNumber = 1, Text = "cải cách hành chính" }]);
        }

        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1));
        Assert.Equal(1, again.PassageCount);
        Assert.False(again.IsOutdated);
    }

    [Theory]
    [InlineData(IndexDirectoryKind.SimpleFS)]
    [InlineData(IndexDirectoryKind.NIOFS)]
    [InlineData(IndexDirectoryKind.MMap)]
    [InlineData(IndexDirectoryKind.Positional)]
    [InlineData(IndexDirectoryKind.Mapped)]
    public void OpenFolder_EveryDirectoryKind_WritesAndReadsTheSameIndex(IndexDirectoryKind kind)
    {
        // Written with the default, read and searched with the kind chosen: the files are the same whichever reads them.
        using (var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1)))
        {
            index.Upsert(TestDocuments.Text("0123456789abcdef", "Kế hoạch"), [new Core.Documents.Passage { DocumentId = "0123456789abcdef", Ordinal = 0, PageNumber = 1, Text = "cải cách hành chính" }]);
        }

        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromSeconds(1), kind: kind);
        var hits = again.WithSearcher(s => s.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(IndexFields.TextFolded, "chinh")), 10).TotalHits);
        Assert.Equal(1, hits);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
