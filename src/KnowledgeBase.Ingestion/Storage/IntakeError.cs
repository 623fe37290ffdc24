namespace KnowledgeBase.Ingestion.Storage;

/// <summary>Why a file was refused at the door (nothing was queued).</summary>
public enum IntakeError
{
    TooLarge,
    Empty,
    UnsupportedFormat,
    Unreachable,
    InvalidUrl,

    /// <summary>URL import refused the address: this machine or a private network (<c>Ingestion:AllowPrivateAddresses</c> is off).</summary>
    ForbiddenAddress,

    /// <summary>The title, author, collection or tags are longer than <c>MetadataLimits</c> allows.</summary>
    InvalidMetadata,
}
