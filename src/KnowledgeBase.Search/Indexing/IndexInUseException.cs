namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// The index folder is already held by another writer (the running app, another <c>kb</c>): this process
/// cannot open it for writing. Thrown by <c>LuceneIndex.OpenFolder</c> and <see cref="FolderLock.Acquire(string, TimeSpan)"/>,
/// so that callers decide what to do (stop, or talk to the app through its API) without knowing which lock
/// refused them. An <see cref="IOException"/>, as the locked file behind it is.
/// </summary>
public sealed class IndexInUseException : IOException
{
    public IndexInUseException()
    {
    }

    public IndexInUseException(string message)
        : base(message)
    {
    }

    public IndexInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
