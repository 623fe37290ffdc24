using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Tests.Testing;
using Lucene.Net.Store;

namespace KnowledgeBase.Search.Tests.Indexing;

public sealed class LuceneIndexDisposeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-index-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Dispose_CommitFailsOnAFullDisk_StillReleasesTheWriterTheDirectoryAndTheFolderLock()
    {
        FullDiskDirectory? disk = null;
        var index = LuceneIndex.OpenFolder(_folder, folder => disk = new FullDiskDirectory(new SimpleFSDirectory(folder)), TimeSpan.FromMinutes(10));
        index.Upsert(InMemoryIndex.Document("aaaaaaaaaaaaaaa1", "Đã lưu"), [Passage("aaaaaaaaaaaaaaa1", "cải cách hành chính")]);
        await index.CommitAsync();
        index.Upsert(InMemoryIndex.Document("aaaaaaaaaaaaaaa2", "Chưa lưu"), [Passage("aaaaaaaaaaaaaaa2", "thủ tục hành chính")]);
        disk!.Full = true;

        // The commit fails and says so...
        var error = Assert.ThrowsAny<IOException>(index.Dispose);
        Assert.Equal(FullDiskDirectory.Message, error.Message);
        Assert.True(disk.Disposed);

        // ...but nothing stays held: the folder opens again in this process, with what was committed before.
        using var again = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Assert.Equal(1, again.PassageCount);
        Assert.False(again.IsOutdated);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private static Passage Passage(string documentId, string text) =>
        new() { DocumentId = documentId, Ordinal = 0, PageNumber = 1, Text = text, EndOffset = text.Length };
}
