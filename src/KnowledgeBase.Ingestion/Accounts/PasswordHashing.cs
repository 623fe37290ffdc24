using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>
/// Passwords hashed and checked with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a
/// random salt, its format versioned). It comes from the package Microsoft.Extensions.Identity.Core, which needs
/// no ASP.NET Core framework, so that <c>kb users add</c> hashes exactly as the web app checks
/// (docs/architecture.md). Thread-safe.
/// </summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    private static readonly UserAccount Nobody = new() { Name = "-", Role = UserRole.Reader, PasswordHash = "-" };

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Hasher.HashPassword(Nobody, password);
    }

    /// <summary>Whether the password matches, and whether its hash should be written again in today's format.</summary>
    public static (bool Matches, bool Rehash) Verify(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return Hasher.VerifyHashedPassword(Nobody, hash, password) switch
            {
                PasswordVerificationResult.Success => (true, false),
                PasswordVerificationResult.SuccessRehashNeeded => (true, true),
                _ => (false, false),
            };
        }
        catch (FormatException)
        {
            return (false, false);
        }
    }
}
