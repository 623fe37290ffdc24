namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>What became of a sign-in attempt.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown name or wrong password (the two are not told apart).</summary>
    Failed,

    /// <summary>Too many failures in a row: refused until the lock-out ends, even with the right password.</summary>
    LockedOut,
}
