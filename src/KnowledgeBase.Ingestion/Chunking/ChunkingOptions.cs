using System.ComponentModel.DataAnnotations;

namespace KnowledgeBase.Ingestion.Chunking;

/// <summary>Passage sizes in words: paragraphs are merged up to <see cref="TargetWords"/>, never past <see cref="MaxWords"/>.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    [Range(1, 1000)]
    public int MinWords { get; set; } = 40;

    [Range(1, 1000)]
    public int TargetWords { get; set; } = 120;

    [Range(10, 2000)]
    public int MaxWords { get; set; } = 250;
}
