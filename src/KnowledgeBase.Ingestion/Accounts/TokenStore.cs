using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Ingestion.Accounts;

/// <summary>
/// API tokens for scripts (<c>api_tokens</c>): a token acts as its user, with that user's role. The catalog keeps
/// only the SHA-256 of each (a token is 256 random bits, so a plain hash is enough), its label and when it was
/// made and last used; the token itself is shown once, when it is created. Thread-safe and safe across processes.
/// </summary>
public sealed class TokenStore(CatalogDatabase database, AccountStore accounts, TimeProvider time)
{
    public const string Prefix = "kb_";

    /// <summary>A new token for the user, or null when there is no such user. The only time the token is seen.</summary>
    public string? Create(string userName, string? label)
    {
        if (accounts.Get(userName) is null)
        {
            return null;
        }

        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        database.Execute(
            "INSERT INTO api_tokens (user_name, token_hash, label, created_at) VALUES ($u, $h, $l, $at)",
            ("$u", userName),
            ("$h", HashOf(token)),
            ("$l", string.IsNullOrWhiteSpace(label) ? null : label.Trim()),
            ("$at", CatalogFormat.Time(time.GetUtcNow())));
        return token;
    }

    /// <summary>
    /// The account a token acts as, or null when the token is unknown. When it was last used is recorded at most once
    /// a minute and only when the catalog takes the write within a second: a script's every request is not a catalog write,
    /// and a busy catalog never turns a valid token into an error.
    /// </summary>
    public UserAccount? Authenticate(string token)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token);
        var found = database.QuerySingle(
            $"SELECT t.last_used_at, {AccountStore.JoinColumns} FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.token_hash = $h",
            r => new TokenUse(AccountStore.Read(r), r.TimeOrNull("last_used_at")),
            ("$h", hash));
        if (found is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (found.LastUsed is not { } last || now - last > LastUsedResolution)
        {
            RecordUse(hash, now);
        }

        return found.Account;
    }

    private sealed record TokenUse(UserAccount Account, DateTimeOffset? LastUsed);

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private void RecordUse(string hash, DateTimeOffset now)
    {
        try
        {
            database.ExecuteWaiting(TimeSpan.FromSeconds(1), "UPDATE api_tokens SET last_used_at = $at WHERE token_hash = $h", ("$h", hash), ("$at", CatalogFormat.Time(now)));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another writer holds the catalog; the next use records it.
        }
    }

    public IReadOnlyList<ApiToken> List(string userName) =>
        database.Query(
            "SELECT id, user_name, label, created_at, last_used_at FROM api_tokens WHERE user_name = $u ORDER BY id",
            r => new ApiToken(r.Int64("id"), r.Text("user_name"), r.TextOrNull("label"), r.Time("created_at"), r.TimeOrNull("last_used_at")),
            ("$u", userName));

    /// <summary>Revokes one token (it no longer authenticates, at once); false when there is none with this id.</summary>
    public bool Revoke(long id) => database.Execute("DELETE FROM api_tokens WHERE id = $id", ("$id", id)) > 0;

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
