namespace KnowledgeBase.Core.Documents;

/// <summary>The formats the knowledge base accepts. Decided from the bytes, never from the file name alone.</summary>
public enum DocumentKind
{
    Pdf,
    Html,
    Text,
    Word,

    /// <summary>Word 97–2003 (.doc): an OLE compound file, read by the external program antiword.</summary>
    LegacyWord,

    /// <summary>OpenDocument text (.odt).</summary>
    OpenDocument,

    /// <summary>PowerPoint (.pptx): one page per slide.</summary>
    PowerPoint,

    /// <summary>A PNG, JPEG or TIFF image (a multi-page TIFF: one page per frame), read by OCR.</summary>
    Image,

    /// <summary>
    /// An Office Open XML file whose kind cannot be known: a password-protected package (its parts are encrypted) whose
    /// name does not say .docx or .pptx. Never read: it fails saying that the Office file is password-protected.
    /// </summary>
    Office,
}
