using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Ingestion.Accounts;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// The claims of a signed-in account (cookie or token): its name, its role and the stamp of its password
/// (<see cref="Stamp"/>), nothing else.
/// </summary>
public static class AccountPrincipal
{
    /// <summary>The claim holding <see cref="Stamp"/> of the password the sign-in was made with.</summary>
    public const string StampClaim = "kb:stamp";

    /// <summary>The authorization policy of editors (and admins): upload, import, change their own documents.</summary>
    public const string EditorPolicy = "editor";

    /// <summary>The authorization policy of admins.</summary>
    public const string AdminPolicy = "admin";

    public static ClaimsPrincipal Create(UserAccount account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, UserRoles.Name(account.Role)), new Claim(StampClaim, Stamp(account))],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role));
    }

    /// <summary>
    /// What a sign-in cookie keeps of the account's password: a digest of its stored hash (not the hash itself). A
    /// changed password changes it, and the sign-ins made before no longer match (<c>Revalidate</c>).
    /// </summary>
    public static string Stamp(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.PasswordHash)))[..16];
    }
}
