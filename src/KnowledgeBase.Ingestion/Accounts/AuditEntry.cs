namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>One line of the audit trail: who did what, to which document, when and from where.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The account (or the name typed at a failed sign-in); null for anonymous.</summary>
    public string? UserName { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public string? DocumentId { get; init; }

    /// <summary>The caller's address.</summary>
    public string? Address { get; init; }

    /// <summary>A short note: a file name, an address, a job number.</summary>
    public string? Detail { get; init; }
}

/// <summary>What the audit trail records.</summary>
public static class AuditActions
{
    public const string Upload = "upload";
    public const string ImportUrl = "import-url";
    public const string Edit = "edit";
    public const string Delete = "delete";
    public const string Reingest = "reingest";
    public const string Retry = "retry";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
}
