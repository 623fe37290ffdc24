using KnowledgeBase.Ingestion.Accounts;

namespace KnowledgeBase.Web.Models;

/// <summary>The login page: where to go afterwards, the name typed, why the last try failed.</summary>
public sealed record LoginViewModel
{
    public string? ReturnUrl { get; init; }

    public string? Name { get; init; }

    public string? Error { get; init; }

    /// <summary>Signed in already, yet sent here: the account lacks the right for what it asked.</summary>
    public bool Denied { get; init; }
}

/// <summary>The change-password page.</summary>
public sealed record PasswordViewModel
{
    public string? Error { get; init; }

    public string? Message { get; init; }
}

/// <summary>A page of the audit trail.</summary>
public sealed record AuditViewModel(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize);
