using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Jobs;

/// <summary>
/// What the person (or import) said about a file when handing it in. Empty values mean "take it from the
/// document itself" (its title, date).
/// </summary>
public sealed record IntakeMetadata
{
    public string? Title { get; init; }

    public DateOnly? Date { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Collection { get; init; }

    public DocumentVisibility Visibility { get; init; } = DocumentVisibility.Public;

    public string? AddedBy { get; init; }

    /// <summary>The URL a web import came from.</summary>
    public string? SourceUrl { get; init; }
}
