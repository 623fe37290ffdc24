using System.Globalization;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// The version of what the index holds — fields and analysis — recorded in each commit's user data. An index
/// written under another version is outdated: its passages must be rebuilt from the catalog
/// (<see cref="LuceneIndex.IsOutdated"/>), which the ingestion worker does on start. Bump
/// <see cref="Version"/> whenever an analyzer, a field or <see cref="PassageDocuments"/> changes.
/// </summary>
public static class IndexSchema
{
    /// <summary>
    /// 2: Vietnamese analysis with exact, folded (stacked đ) and pair fields; exact-length norms.
    /// 3: the document language field is <c>language</c> (as its facet and filter are named).
    /// 4: the <c>owner</c> field (who added the document), so that private documents are shown to their owner;
    /// undated documents under year 0 ("no date") and sorted last; PDF text read anew (TCVN3 look-alike maps,
    /// overprinted glyphs, identical pages, OCR of garbled pages, titles).
    /// 5: PDF text read anew (issue 12: two-column LaTeX reading order, running titles of books).
    /// </summary>
    public const int Version = 5;

    public const string CommitDataKey = "kb.schema";

    internal static Dictionary<string, string> CommitData => new(StringComparer.Ordinal)
    {
        [CommitDataKey] = Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The version a commit's user data records; 1 for indexes written before versions were recorded.</summary>
    internal static int VersionOf(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(CommitDataKey, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : 1;
}
