namespace KnowledgeBase.Core.Documents;

/// <summary>
/// What the catalog knows about one document (its current version). Immutable; the catalog hands out
/// fresh instances, so callers may keep one as long as they like.
/// </summary>
public sealed record DocumentInfo
{
    /// <summary>Stable identifier: 16 lower-case hex characters, the start of the first version's SHA-256.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required DocumentKind Kind { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the current version's bytes; the key of the stored original.</summary>
    public required string ContentHash { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The original file name (or the last URL segment for imports).</summary>
    public required string FileName { get; init; }

    /// <summary>Where it came from: "upload", "inbox", "cli", "seed" or the URL it was imported from.</summary>
    public required string Source { get; init; }

    public string? SourceUrl { get; init; }

    public string? Author { get; init; }

    /// <summary>Publication date where the document states one (article date, PDF metadata).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>BCP-47 language of the text ("vi" unless detected otherwise).</summary>
    public string Language { get; init; } = "vi";

    public int PageCount { get; init; }

    public long SizeBytes { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Collection { get; init; }

    public DocumentVisibility Visibility { get; init; } = DocumentVisibility.Public;

    /// <summary>Who added it (a user name once accounts exist; "system" for seeds).</summary>
    public string? AddedBy { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>The year used for filtering: the document date's year, else the year it was added.</summary>
    public int Year => Date?.Year ?? AddedAt.Year;
}
