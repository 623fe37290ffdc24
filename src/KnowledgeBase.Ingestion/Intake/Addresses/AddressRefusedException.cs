namespace KnowledgeBase.Ingestion.Intake.Addresses;

/// <summary>A connection URL import refused to open: the address is on this machine or its private networks.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message)
        : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
