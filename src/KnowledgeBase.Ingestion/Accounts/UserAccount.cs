namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>One account as the catalog keeps it (<c>users</c>). The password is kept only as its hash.</summary>
public sealed record UserAccount
{
    public required string Name { get; init; }

    public required UserRole Role { get; init; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, salted).</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Failed sign-ins in a row since the last success or lock-out.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Until when sign-in is refused after too many failures.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
