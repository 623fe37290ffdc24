namespace KnowledgeBase.Ingestion.Storage;

/// <summary>Why a file was refused at the door (nothing was queued).</summary>
public enum IntakeError
{
    TooLarge,
    Empty,
    UnsupportedFormat,
    Unreachable,
    InvalidUrl,
}
