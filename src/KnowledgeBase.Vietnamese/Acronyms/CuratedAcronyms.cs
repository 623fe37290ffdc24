namespace KnowledgeBase.Vietnamese.Acronyms;

/// <summary>
/// The curated acronyms of public administration shipped with the project (<c>acronyms.tsv</c>, see the
/// README beside it), read once on first use. Thread-safe.
/// </summary>
public static class CuratedAcronyms
{
    private const string ResourceName = "KnowledgeBase.Vietnamese.Acronyms.acronyms.tsv";
    private static readonly Lazy<IReadOnlyList<Acronym>> Entries = new(Load);

    public static IReadOnlyList<Acronym> All => Entries.Value;

    /// <summary>Reads <c>ACRONYM&lt;TAB&gt;expansion</c> lines; <c>#</c> starts a comment line.</summary>
    public static IReadOnlyList<Acronym> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<Acronym>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"Acronym line without a tab: '{line}'.");
            }

            list.Add(new Acronym(line[..tab], line[(tab + 1)..]));
        }

        return list;
    }

    private static IReadOnlyList<Acronym> Load()
    {
        using var stream = typeof(CuratedAcronyms).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
