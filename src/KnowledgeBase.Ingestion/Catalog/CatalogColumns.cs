namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// The columns of a table that a store reads and writes, each declared once with the value it takes from a row
/// object. The SELECT list, the INSERT column and value lists and the INSERT parameters (<c>$column</c>) all come
/// from this one list, and rows are read back by column name (<see cref="CatalogRow"/>): adding a column is one
/// line here and one where the store reads its rows. A column declared without a value (an AUTOINCREMENT key) is
/// selected but never inserted. Immutable and thread-safe.
/// </summary>
internal sealed class CatalogColumns<T>
{
    private readonly (string Name, Func<T, object?>? Value)[] _columns;

    public CatalogColumns(params (string Name, Func<T, object?>? Value)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        var written = columns.Where(c => c.Value is not null).Select(c => c.Name).ToList();
        Names = string.Join(", ", columns.Select(c => c.Name));
        InsertNames = string.Join(", ", written);
        InsertValues = string.Join(", ", written.Select(Parameter));
    }

    /// <summary>Every column, for a SELECT or RETURNING list: <c>id, title, …</c>.</summary>
    public string Names { get; }

    /// <summary>The columns an INSERT writes: <c>title, kind, …</c>.</summary>
    public string InsertNames { get; }

    /// <summary>Their parameters, in the same order: <c>$title, $kind, …</c>.</summary>
    public string InsertValues { get; }

    /// <summary>The parameter that carries a column's value.</summary>
    public static string Parameter(string column) => "$" + column;

    /// <summary>Every written column's value for <paramref name="row"/>, named <c>$column</c>.</summary>
    public (string Name, object? Value)[] Parameters(T row) =>
        [.. _columns.Where(c => c.Value is not null).Select(c => (Parameter(c.Name), c.Value!(row)))];
}
