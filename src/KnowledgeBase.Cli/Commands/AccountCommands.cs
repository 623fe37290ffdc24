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
        return new Command("tokens", "API tokens for scripts") { create };
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync("kb: " + message);
        return 1;
    }
}
