using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>
/// The catalog's accounts (<c>users</c>): add, list, remove, change a password, and sign in with a lock-out after
/// <see cref="MaxFailedSignIns"/> failures in a row. Used alike by the web app and by <c>kb users</c>, which write
/// the same SQLite file whether or not the app runs. Thread-safe and safe across processes (see
/// <see cref="CatalogDatabase"/>).
/// </summary>
public sealed class AccountStore(CatalogDatabase database, TimeProvider time)
{
    /// <summary>Failed sign-ins in a row after which an account is locked for <see cref="LockoutDuration"/>.</summary>
    public const int MaxFailedSignIns = 5;

    public const int MinPasswordLength = 8;

    public const int MaxNameLength = 64;

    /// <summary>The <c>users</c> columns <see cref="Read"/> reads, qualified by <c>u.</c> for joins.</summary>
    internal const string JoinColumns = "u.name, u.role, u.password_hash, u.failed_sign_ins, u.locked_until, u.created_at";

    private const string Columns = "name, role, password_hash, failed_sign_ins, locked_until, created_at";

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>A hash no password matches, checked for names that are no account: it costs what a real one costs.</summary>
    private static readonly Lazy<string> UnknownAccountHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>Letters, digits and <c>. _ - @</c>, at most <see cref="MaxNameLength"/> characters.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    public static bool IsValidPassword(string? password) => password is { Length: >= MinPasswordLength };

    /// <summary>Adds an account; false when the name is taken.</summary>
    /// <exception cref="ArgumentException">The name or the password is not acceptable.</exception>
    public bool Add(string name, UserRole role, string password)
    {
        Check(name, password);
        return database.Execute(
            $"INSERT OR IGNORE INTO users ({Columns}) VALUES ($n, $r, $h, 0, NULL, $at)",
            ("$n", name),
            ("$r", UserRoles.Name(role)),
            ("$h", PasswordHashing.Hash(password)),
            ("$at", CatalogFormat.Time(time.GetUtcNow()))) > 0;
    }

    public UserAccount? Get(string name) => database.QuerySingle($"SELECT {Columns} FROM users WHERE name = $n", Read, ("$n", name));

    public IReadOnlyList<UserAccount> List() => database.Query($"SELECT {Columns} FROM users ORDER BY name", Read);

    public int Count() => (int)database.Scalar<long>("SELECT COUNT(*) FROM users");

    /// <summary>Removes an account and its tokens; false when there is none of that name.</summary>
    public bool Remove(string name) =>
        database.InTransaction(connection =>
        {
            connection.Execute("DELETE FROM api_tokens WHERE user_name = $n", ("$n", name));
            return connection.Execute("DELETE FROM users WHERE name = $n", ("$n", name)) > 0;
        });

    /// <summary>Replaces the password of an account; false when there is none of that name.</summary>
    public bool SetPassword(string name, string password)
    {
        Check(name, password);
        return database.Execute(
            "UPDATE users SET password_hash = $h, failed_sign_ins = 0, locked_until = NULL WHERE name = $n",
            ("$n", name),
            ("$h", PasswordHashing.Hash(password))) > 0;
    }

    /// <summary>
    /// Checks a name and password, counting failures and locking the account after too many. A password is hashed
    /// whatever the name — unknown, locked or not — so the time of the answer does not tell which names are accounts
    /// (a sign-in of an unknown name once answered in 3 ms, a wrong password in 150 ms).
    /// </summary>
    public (SignInOutcome Outcome, UserAccount? Account) SignIn(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var now = time.GetUtcNow();
        if (!IsValidName(name) || Get(name) is not { } account)
        {
            PasswordHashing.Verify(UnknownAccountHash.Value, password);
            return (SignInOutcome.Failed, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            PasswordHashing.Verify(account.PasswordHash, password);
            return (SignInOutcome.LockedOut, null);
        }

        var (matches, rehash) = PasswordHashing.Verify(account.PasswordHash, password);
        if (!matches)
        {
            var failures = account.FailedSignIns + 1;
            var locked = failures >= MaxFailedSignIns;
            database.Execute(
                "UPDATE users SET failed_sign_ins = $f, locked_until = $l WHERE name = $n",
                ("$n", name),
                ("$f", locked ? 0 : failures),
                ("$l", locked ? CatalogFormat.Time(now + LockoutDuration) : null));
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        var hash = rehash ? PasswordHashing.Hash(password) : account.PasswordHash;
        database.Execute(
            "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = $h WHERE name = $n",
            ("$n", name),
            ("$h", hash));
        return (SignInOutcome.Succeeded, account with { FailedSignIns = 0, LockedUntil = null, PasswordHash = hash });
    }

    private static void Check(string name, string password)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A user name is 1 to {MaxNameLength} letters, digits or . _ - @.", nameof(name));
        }

        if (!IsValidPassword(password))
        {
            throw new ArgumentException($"A password has at least {MinPasswordLength} characters.", nameof(password));
        }
    }

    internal static UserAccount Read(CatalogRow row) => new()
    {
        Name = row.Text("name"),
        Role = UserRoles.TryParse(row.Text("role"), out var role) ? role : UserRole.Reader,
        PasswordHash = row.Text("password_hash"),
        FailedSignIns = row.Int32("failed_sign_ins"),
        LockedUntil = row.TimeOrNull("locked_until"),
        CreatedAt = row.Time("created_at"),
    };
}
