using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>The checks every extractor makes before opening a file. Stateless and thread-safe.</summary>
internal static class ExtractionInput
{
    /// <exception cref="ExtractionException">The file is missing or empty.</exception>
    public static void RequireNonEmptyFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ExtractionException($"The file '{path}' does not exist.");
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new ExtractionException("The file is empty (0 bytes).");
        }
    }

    /// <summary>Trimmed NFC text, or null for blank.</summary>
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : VietnameseText.ToNfc(value.Trim());

    /// <summary>Whitespace runs collapsed to one space, NFC.</summary>
    public static string Collapse(string text) =>
        VietnameseText.ToNfc(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
