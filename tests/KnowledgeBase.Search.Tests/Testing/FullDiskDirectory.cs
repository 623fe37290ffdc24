using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace KnowledgeBase.Search.Tests.Testing;

/// <summary>A directory over another that, once <see cref="Full"/>, refuses to create files as a full disk does.</summary>
public sealed class FullDiskDirectory(LuceneDirectory inner) : FilterDirectory(inner)
{
    public const string Message = "No space left on device";

    public bool Full { get; set; }

    public bool Disposed { get; private set; }

    public override IndexOutput CreateOutput(string name, IOContext context) =>
        Full ? throw new IOException(Message) : base.CreateOutput(name, context);

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
