using System.Security.Claims;
using KnowledgeBase.Ingestion.Accounts;

namespace KnowledgeBase.Web.Accounts;

/// <summary>The claims of a signed-in account (cookie or token): its name and its role, nothing else.</summary>
public static class AccountPrincipal
{
    /// <summary>The authorization policy of editors (and admins): upload, import, change their own documents.</summary>
    public const string EditorPolicy = "editor";

    /// <summary>The authorization policy of admins.</summary>
    public const string AdminPolicy = "admin";

    public static ClaimsPrincipal Create(UserAccount account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, UserRoles.Name(account.Role))],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role));
    }
}
