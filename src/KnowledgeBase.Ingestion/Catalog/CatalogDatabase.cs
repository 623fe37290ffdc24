using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// The catalog's SQLite file and the plumbing every store shares: opening a pooled connection (WAL, full sync,
/// a busy timeout, so several processes may use one file), bringing the schema up to date on first open
/// (<see cref="CatalogSchema"/>, keyed by <c>user_version</c>), and running commands, queries and transactions.
/// A store (<see cref="DocumentStore"/>, <see cref="JobStore"/>, <see cref="SettingStore"/>) is a class in this
/// assembly that takes the database in its constructor and keeps its SQL to itself; adding one is a new class,
/// a migration appended to <see cref="CatalogSchema"/> if it needs a table, and one line of registration.
/// Thread-safe: each call opens its own connection; every write is committed before the call returns.
/// </summary>
public sealed class CatalogDatabase
{
    private readonly string _connectionString;

    public CatalogDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Migrate();
    }

    /// <summary>Runs one statement on a connection of its own; returns the rows it changed.</summary>
    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        return connection.Execute(sql, parameters);
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/>.</summary>
    internal List<T> Query<T>(string sql, Func<CatalogRow, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        return connection.Query(sql, read, parameters);
    }

    /// <summary>The first row of a query, or null when there is none.</summary>
    internal T? QuerySingle<T>(string sql, Func<CatalogRow, T> read, params (string Name, object? Value)[] parameters)
        where T : class =>
        Query(sql, read, parameters).FirstOrDefault();

    /// <summary>The first column of the first row (a count), or the default when there is none.</summary>
    internal T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        return connection.Scalar<T>(sql, parameters);
    }

    /// <summary>Runs <paramref name="work"/> on one connection in one transaction, committed when it returns.</summary>
    internal void InTransaction(Action<CatalogConnection> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction(connection =>
        {
            work(connection);
            return true;
        });
    }

    /// <summary>Runs <paramref name="work"/> on one connection in one transaction, committed when it returns.</summary>
    internal T InTransaction<T>(Func<CatalogConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection);
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Proves the catalog takes writes now (for <c>/health</c>): one committed write of a setting, waiting at most
    /// <paramref name="busyTimeout"/> for another writer. Throws what SQLite throws when it cannot.
    /// </summary>
    public void ProbeWrite(TimeSpan busyTimeout) =>
        ExecuteWaiting(
            busyTimeout,
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('health.probe', $now)",
            ("$now", CatalogFormat.Time(DateTimeOffset.UtcNow)));

    /// <summary>Runs one statement, waiting at most <paramref name="busyTimeout"/> (whole seconds, at least one) for another writer.</summary>
    internal int ExecuteWaiting(TimeSpan busyTimeout, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open(new SqliteConnectionStringBuilder(_connectionString) { DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds) }.ToString());
        return connection.Execute(sql, parameters);
    }

    /// <summary>
    /// Copies the whole catalog, as of one moment, into a new file through SQLite's online backup: other
    /// connections (the running app's writers) go on while it runs.
    /// </summary>
    public void BackupTo(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var source = new SqliteConnection(_connectionString);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private CatalogConnection Open() => Open(_connectionString);

    private static CatalogConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var opened = new CatalogConnection(connection);
        opened.Execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        return opened;
    }

    private void Migrate()
    {
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        var version = (int)connection.Scalar<long>("PRAGMA user_version;");
        for (var i = version; i < CatalogSchema.Migrations.Length; i++)
        {
            connection.Execute(CatalogSchema.Migrations[i]);
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {i + 1};"));
        }

        transaction.Commit();
    }
}
