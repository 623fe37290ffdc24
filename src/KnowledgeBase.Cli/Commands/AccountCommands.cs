using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Ingestion.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb users add|list|remove</c> and <c>kb tokens create</c>: accounts and API tokens, written straight into the
/// catalog (SQLite), so they work whether or not the app runs; the app sees them at the next sign-in.
/// </summary>
internal static class AccountCommands
{
    public static Command CreateUsers()
    {
        var name = new Argument<string>("name") { Description = "User name (letters, digits, . _ - @)" };
        var role = new Option<string>("--role")
        {
            Description = "reader, editor or admin",
            Required = true,
        };
        role.AcceptOnlyFromAmong(UserRoles.Reader, UserRoles.Editor, UserRoles.Admin);
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (its first line)" };
        var add = new Command("add", "Add an account") { name, role, passwordStdin };
        add.SetAction(async (result, cancellationToken) =>
        {
            if (!result.GetValue(passwordStdin))
            {
                return await FailAsync("give the password on standard input with --password-stdin");
            }

            var password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? string.Empty;
            var userName = result.GetValue(name)!;
            if (!AccountStore.IsValidName(userName))
            {
                return await FailAsync($"'{userName}' is not a user name: 1 to {AccountStore.MaxNameLength} letters, digits or . _ - @");
            }

            if (!AccountStore.IsValidPassword(password))
            {
                return await FailAsync($"a password has at least {AccountStore.MinPasswordLength} characters");
            }

            if (!UserRoles.TryParse(result.GetValue(role), out var parsed))
            {
                return await FailAsync("the role is reader, editor or admin");
            }

            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            if (!services.GetRequiredService<AccountStore>().Add(userName, parsed, password))
            {
                return await FailAsync($"there is already a user named '{userName}'");
            }

            Console.WriteLine($"added {userName} ({UserRoles.Name(parsed)})");
            return 0;
        });

        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the accounts") { json };
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            var users = services.GetRequiredService<AccountStore>().List();
            if (result.GetValue(json))
            {
                var rows = users.Select(u => new { name = u.Name, role = UserRoles.Name(u.Role), created = u.CreatedAt, lockedUntil = u.LockedUntil });
                Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return 0;
            }

            foreach (var user in users)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{user.Name,-24} {UserRoles.Name(user.Role),-7} {user.CreatedAt:yyyy-MM-dd HH:mm}"));
            }

            return 0;
        });

        var removeName = new Argument<string>("name") { Description = "User name" };
        var remove = new Command("remove", "Remove an account and its tokens (their documents stay)") { removeName };
        remove.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            var userName = result.GetValue(removeName)!;
            if (!services.GetRequiredService<AccountStore>().Remove(userName))
            {
                return await FailAsync($"there is no user named '{userName}'");
            }

            Console.WriteLine($"removed {userName}");
            return 0;
        });

        return new Command("users", "Accounts: add, list, remove") { add, list, remove };
    }

    public static Command CreateTokens()
    {
        var name = new Argument<string>("name") { Description = "The user the token acts as" };
        var label = new Option<string?>("--label") { Description = "What the token is for" };
        var create = new Command("create", "Create an API token (printed once, alone on the last line)") { name, label };
        create.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            var userName = result.GetValue(name)!;
            if (services.GetRequiredService<TokenStore>().Create(userName, result.GetValue(label)) is not { } token)
            {
                return await FailAsync($"there is no user named '{userName}'");
            }

            Console.WriteLine($"API token for {userName} (shown once; send it as 'Authorization: Bearer <token>' or kb --token):");
            Console.WriteLine(token);
            return 0;
        });
        var owner = new Argument<string>("name") { Description = "The user whose tokens to list" };
        var list = new Command("list", "List a user's tokens: id, label, created, last used (never the tokens themselves)") { owner };
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            foreach (var token in services.GetRequiredService<TokenStore>().List(result.GetValue(owner)!))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{token.Id,6} {token.CreatedAt:yyyy-MM-dd HH:mm} last used {(token.LastUsedAt is { } used ? used.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "never"),-16} {token.Label}"));
            }

            return 0;
        });

        // A leaked token is revoked on its own; before, only removing its user (and all of their tokens) did it.
        var id = new Argument<long>("id") { Description = "The token's id, as kb tokens list shows it" };
        var revoke = new Command("revoke", "Revoke one API token: it stops working at once") { id };
        revoke.SetAction(async (result, cancellationToken) =>
        {
            await using var services = CliServices.Build(result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Verbose));
            var tokenId = result.GetValue(id);
            if (!services.GetRequiredService<TokenStore>().Revoke(tokenId))
            {
                return await FailAsync($"there is no token with id {tokenId}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"revoked token {tokenId}"));
            return 0;
        });
        return new Command("tokens", "API tokens for scripts: create, list, revoke") { create, list, revoke };
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync("kb: " + message);
        return 1;
    }
}
