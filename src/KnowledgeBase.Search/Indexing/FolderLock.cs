namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// An exclusive lock on an index folder, held by the one process that writes it, for as long as its
/// writer lives. Lucene.Net's own native lock does not keep a second process out on Linux, and two writers
/// on one folder corrupt it; an open file with <see cref="FileShare.None"/> is an OS-level lock (flock) that
/// the kernel releases when the process dies, so a crash never leaves a stale lock behind.
/// </summary>
public sealed class FolderLock : IDisposable
{
    public const string FileName = "kb-writer.lock";
    private readonly FileStream _stream;

    private FolderLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <exception cref="IndexInUseException">Another process (or another index of this one) holds the folder.</exception>
    public static FolderLock Acquire(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            stream.Flush();
            return new FolderLock(stream);
        }
        catch (IOException e)
        {
            throw new IndexInUseException(InUseMessage(folder), e);
        }
    }

    public void Dispose() => _stream.Dispose();

    internal static string InUseMessage(string folder) => $"The index at {folder} is in use by another process (is the app running?).";
}
