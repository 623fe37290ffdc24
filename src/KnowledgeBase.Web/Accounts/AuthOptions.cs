namespace KnowledgeBase.Web.Accounts;

/// <summary>The <c>Auth</c> settings.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Whether people who have not signed in may search and read public documents (true by default, so a fresh
    /// clone answers its first search at once). When false, every page but the login page needs a sign-in.
    /// </summary>
    public bool AnonymousRead { get; set; } = true;

    /// <summary>How long a sign-in lasts without use.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How many files (uploaded or imported by address) one user may add in any hour; 0: unlimited. Admins are
    /// exempt. Counted per file, not per request.
    /// </summary>
    public int UploadsPerHour { get; set; } = 500;

    /// <summary>How many megabytes of originals one user's documents and pending jobs may take; 0: unlimited. Admins are exempt.</summary>
    public long StorageQuotaMb { get; set; } = 10240;
}
