using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// The copying half of <see cref="LuceneIndex.CopySnapshotTo"/>: the files of a held commit point into a new
/// folder, then, in that copy alone, the removal of documents the caller does not keep.
/// </summary>
internal static class IndexSnapshots
{
    /// <summary>Copies the files of <paramref name="commit"/> from <paramref name="source"/> into <paramref name="folder"/>.</summary>
    public static (int Files, long Bytes) CopyCommit(LuceneDirectory source, IndexCommit commit, string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        if (System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"The folder {folder} is not empty; a snapshot is copied into an empty folder.");
        }

        var names = commit.FileNames.ToList();
        long bytes = 0;
        using var target = new SimpleFSDirectory(new DirectoryInfo(folder));
        foreach (var name in names)
        {
            source.Copy(target, name, name, IOContext.DEFAULT);
            bytes += source.FileLength(name);
        }

        target.Sync(names);
        return (names.Count, bytes);
    }

    /// <summary>Removes, from the index copied into <paramref name="folder"/>, the documents not kept; returns (kept, removed).</summary>
    public static (int Documents, int Removed) Prune(string folder, Func<string, bool> keepDocument, Analyzer analyzer, IDictionary<string, string> commitData)
    {
        using var directory = new SimpleFSDirectory(new DirectoryInfo(folder));
        var ids = LiveDocumentIds(directory);
        var removed = ids.Where(id => !keepDocument(id)).ToList();
        if (removed.Count > 0)
        {
            var config = new IndexWriterConfig(LuceneSettings.Version, analyzer) { OpenMode = OpenMode.APPEND };
            using var writer = new IndexWriter(directory, config);
            foreach (var id in removed)
            {
                writer.DeleteDocuments(new Term(IndexFields.DocumentId, id));
            }

            writer.SetCommitData(commitData);
            writer.Commit();
        }

        return (ids.Count - removed.Count, removed.Count);
    }

    /// <summary>The ids of the documents that have at least one live passage in the index of <paramref name="directory"/>.</summary>
    private static List<string> LiveDocumentIds(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return [];
        }

        using var reader = DirectoryReader.Open(directory);
        return IndexedDocumentIds.Of(reader);
    }
}
