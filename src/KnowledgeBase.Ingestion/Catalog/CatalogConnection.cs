using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// One open connection to the catalog, as <see cref="CatalogDatabase"/> hands it out: statements, queries whose
/// rows are read by column name (<see cref="CatalogRow"/>), named parameters (<c>$name</c>, null as SQL NULL).
/// Commands join the connection's open transaction, if any. Not thread-safe; disposed by whoever opened it.
/// </summary>
internal sealed class CatalogConnection : IDisposable
{
    private readonly SqliteConnection _connection;

    public CatalogConnection(SqliteConnection connection)
    {
        _connection = connection;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public List<T> Query<T>(string sql, Func<CatalogRow, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var row = new CatalogRow(reader);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(row));
        }

        return rows;
    }

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }

    public SqliteTransaction BeginTransaction() => _connection.BeginTransaction();

    public void Dispose() => _connection.Dispose();

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        // CreateCommand enlists the command in the connection's current transaction.
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
