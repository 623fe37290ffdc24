namespace KnowledgeBase.Core.Extraction;

/// <summary>
/// One block of a page in reading order (a paragraph, heading, list item or table row).
/// <paramref name="Level"/> is the heading level (1 = top) and 0 for other blocks.
/// </summary>
public sealed record TextBlock(string Text, TextBlockKind Kind = TextBlockKind.Paragraph, int Level = 0);
