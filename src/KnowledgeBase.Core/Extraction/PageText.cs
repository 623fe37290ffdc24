namespace KnowledgeBase.Core.Extraction;

/// <summary>Conventions shared by extraction, chunking and display.</summary>
public static class PageText
{
    /// <summary>Separates blocks in <see cref="ExtractedPage.Text"/>.</summary>
    public const string BlockSeparator = "\n\n";

    /// <summary>Separates pages in plain-text output (<c>kb extract --format text</c>).</summary>
    public const char PageSeparator = '\f';

    /// <summary>Splits plain text into paragraph blocks on blank lines, trimming each.</summary>
    public static IReadOnlyList<TextBlock> ToBlocks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var blocks = new List<TextBlock>();
        foreach (var part in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            blocks.Add(new TextBlock(part));
        }

        return blocks;
    }
}
