using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Testing;

/// <summary>
/// Documents and passages for tests that index text: the fields a test does not look at are filled in the same
/// way everywhere (a text document, a content hash made from the id, added at the Unix epoch); a test changes
/// what it cares about with <c>with { … }</c>.
/// </summary>
public static class TestDocuments
{
    /// <summary>A plain-text document with this id (16 hex digits) and title.</summary>
    public static DocumentInfo Text(string id, string title = "Tài liệu") => new()
    {
        Id = id,
        Title = title,
        Kind = DocumentKind.Text,
        ContentHash = id + id + id + id,
        ContentType = "text/plain",
        FileName = "a.txt",
        Source = "test",
        AddedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>One passage a text, in order, all on page 1, each spanning its whole text.</summary>
    public static List<Passage> Passages(string documentId, params string[] texts) =>
        [.. texts.Select((text, i) => new Passage { DocumentId = documentId, Ordinal = i, PageNumber = 1, Text = text, EndOffset = text.Length })];
}
