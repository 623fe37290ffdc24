namespace KnowledgeBase.Core.Extraction;

/// <summary>
/// A file that cannot be extracted, with a reason a person can read. <see cref="IsPermanent"/> is false
/// for failures worth retrying (e.g. a timeout under load).
/// </summary>
public sealed class ExtractionException : Exception
{
    public ExtractionException()
    {
    }

    public ExtractionException(string message)
        : base(message)
    {
    }

    public ExtractionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExtractionException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    public bool IsPermanent { get; } = true;
}
