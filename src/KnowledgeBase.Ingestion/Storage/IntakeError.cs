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

    /// <summary>The user has added more files in the last hour than <c>Auth:UploadsPerHour</c> allows.</summary>
    RateLimited,

    /// <summary>Storing the file would take the user past <c>Auth:StorageQuotaMb</c>; nothing was stored.</summary>
    QuotaExceeded,
}
