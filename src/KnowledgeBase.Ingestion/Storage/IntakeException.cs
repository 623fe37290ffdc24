namespace KnowledgeBase.Ingestion.Storage;

/// <summary>A file refused at intake, with a reason a person can read; nothing was queued for it.</summary>
public sealed class IntakeException : Exception
{
    public IntakeException()
    {
    }

    public IntakeException(string message)
        : base(message)
    {
    }

    public IntakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntakeException(IntakeError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public IntakeError Error { get; }
}
