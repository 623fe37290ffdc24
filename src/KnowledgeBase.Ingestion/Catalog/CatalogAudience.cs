using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>
/// <see cref="Audience.Sees(DocumentVisibility, string?)"/> as one SQL condition, for the catalog's lists
/// (documents, jobs, pages needing attention): the same rule the index's filter applies, written once for SQL.
/// Stateless.
/// </summary>
internal static class CatalogAudience
{
    /// <summary>The condition on a visibility and an owner expression, and its parameters; <c>1</c> when nothing is hidden.</summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) Where(Audience audience, string visibility, string owner)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (audience.SeesEverything)
        {
            return ("1", []);
        }

        // Visibility names come from the enum, never from a caller: safe to write into the statement.
        var seen = string.Join(", ", audience.Visibilities.Select(v => $"'{Name(v)}'"));
        var clauses = new List<string>();
        if (seen.Length > 0)
        {
            clauses.Add($"lower({visibility}) IN ({seen})");
        }

        if (audience.Owner is { Length: > 0 } && !audience.Sees(DocumentVisibility.Private))
        {
            clauses.Add($"(lower({visibility}) = '{Name(DocumentVisibility.Private)}' AND {owner} = $audience_owner)");
        }

        return clauses.Count == 0
            ? ("0", [])
            : ("(" + string.Join(" OR ", clauses) + ")", audience.Owner is { Length: > 0 } o ? [("$audience_owner", o)] : []);
    }

    private static string Name(DocumentVisibility visibility) => visibility.ToString().ToLowerInvariant();
}
