namespace KnowledgeBase.Core.Documents;

/// <summary>The formats the knowledge base accepts. Decided from the bytes, never from the file name alone.</summary>
public enum DocumentKind
{
    Pdf,
    Html,
    Text,
    Word,
}
