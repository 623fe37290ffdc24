using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>Sign in (with a lock-out after repeated failures), sign out, change one's own password.</summary>
public sealed class AccountController(AccountStore accounts, AuditTrail audit, Caller caller, UiText text) : Controller
{
    [HttpGet("/login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl, Denied = caller.Name is not null });

    [HttpPost("/login")]
    [AllowAnonymous]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login([FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var (outcome, account) = accounts.SignIn(name ?? string.Empty, password ?? string.Empty);
        if (account is null)
        {
            audit.Record(AuditActions.SignInFailed, detail: outcome == SignInOutcome.LockedOut ? "locked out" : null, userName: Truncate(name));
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return View(new LoginViewModel
            {
                ReturnUrl = returnUrl,
                Name = name,
                // One answer for a wrong password, an unknown name and a locked account: a "locked" answer would tell
                // anyone who tried a name six times that it is an account. The audit trail keeps the difference.
                Error = text["Account.Failed"],
            });
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountPrincipal.Create(account, CookieAuthenticationDefaults.AuthenticationScheme));
        audit.Record(AuditActions.SignIn, userName: account.Name);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    [HttpPost("/logout")]
    [AllowAnonymous]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        if (caller.Name is not null)
        {
            audit.Record(AuditActions.SignOut);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }

    [HttpGet("/account/password")]
    [Authorize]
    public IActionResult Password() => View(new PasswordViewModel());

    [HttpPost("/account/password")]
    [Authorize]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Password([FromForm] string? current, [FromForm] string? password, [FromForm] string? confirm)
    {
        var name = caller.Name!;
        string? error = null;
        if (accounts.SignIn(name, current ?? string.Empty).Outcome != SignInOutcome.Succeeded)
        {
            error = text["Account.WrongCurrent"];
        }
        else if (!AccountStore.IsValidPassword(password))
        {
            error = text.Format("Account.TooShort", AccountStore.MinPasswordLength);
        }
        else if (!string.Equals(password, confirm, StringComparison.Ordinal))
        {
            error = text["Account.Mismatch"];
        }

        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new PasswordViewModel { Error = error });
        }

        accounts.SetPassword(name, password!);
        audit.Record(AuditActions.PasswordChanged);
        if (User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme && accounts.Get(name) is { } account)
        {
            // The new password signs out every other sign-in (Revalidate); this one is renewed with it.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountPrincipal.Create(account, CookieAuthenticationDefaults.AuthenticationScheme));
        }

        return View(new PasswordViewModel { Message = text["Account.PasswordChanged"] });
    }

    private static string? Truncate(string? name) => name is { Length: > AccountStore.MaxNameLength } ? name[..AccountStore.MaxNameLength] : name;
}
