namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>What an account may do. Written in the catalog and in claims as <c>reader</c>, <c>editor</c>, <c>admin</c>.</summary>
public enum UserRole
{
    /// <summary>Searches and reads what they may see.</summary>
    Reader,

    /// <summary>Also uploads, imports addresses, and edits, deletes and re-ingests their own documents.</summary>
    Editor,

    /// <summary>Everything: all documents, jobs, the audit trail.</summary>
    Admin,
}

/// <summary>The role names used in the catalog, in claims and on the command line.</summary>
public static class UserRoles
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static string Name(UserRole role) => role switch
    {
        UserRole.Reader => Reader,
        UserRole.Editor => Editor,
        UserRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    public static bool TryParse(string? name, out UserRole role)
    {
        (var known, role) = name switch
        {
            Reader => (true, UserRole.Reader),
            Editor => (true, UserRole.Editor),
            Admin => (true, UserRole.Admin),
            _ => (false, UserRole.Reader),
        };
        return known;
    }
}
