using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// The current row of a catalog query, its columns read by name (the order of a SELECT list never matters) and
/// turned back into what the stores wrote: text, numbers, times and dates in <see cref="CatalogFormat"/>, enums by
/// name, JSON through <see cref="CatalogJson"/>. One per query; not thread-safe.
/// </summary>
internal sealed class CatalogRow
{
    private readonly SqliteDataReader _reader;
    private readonly Dictionary<string, int> _ordinals;

    public CatalogRow(SqliteDataReader reader)
    {
        _reader = reader;
        _ordinals = new Dictionary<string, int>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ordinals.TryAdd(reader.GetName(i), i);
        }
    }

    public string Text(string column) => _reader.GetString(Ordinal(column));

    public string? TextOrNull(string column) => IsNull(column) ? null : Text(column);

    public int Int32(string column) => _reader.GetInt32(Ordinal(column));

    public long Int64(string column) => _reader.GetInt64(Ordinal(column));

    public double? DoubleOrNull(string column) => IsNull(column) ? null : _reader.GetDouble(Ordinal(column));

    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>(Text(column));

    public DateTimeOffset Time(string column) => CatalogFormat.ParseTime(Text(column));

    public DateTimeOffset? TimeOrNull(string column) => IsNull(column) ? null : Time(column);

    public DateOnly? DateOrNull(string column) => IsNull(column) ? null : CatalogFormat.ParseDate(Text(column));

    public T Json<T>(string column)
        where T : class =>
        CatalogJson.Deserialize<T>(Text(column));

    private bool IsNull(string column) => _reader.IsDBNull(Ordinal(column));

    private int Ordinal(string column) =>
        _ordinals.TryGetValue(column, out var ordinal)
            ? ordinal
            : throw new InvalidOperationException($"The catalog query has no column '{column}'.");
}
