namespace KnowledgeBase.Core.Extraction;

/// <summary>How the text of a page was obtained.</summary>
public enum ExtractionMethod
{
    /// <summary>The PDF's text layer (or the file's own text for HTML, Word and plain text).</summary>
    TextLayer,

    /// <summary>The text layer with <c>/ActualText</c> replacements applied.</summary>
    ActualText,

    /// <summary>Legacy TCVN3 (ABC) encoding converted to Unicode.</summary>
    LegacyTcvn3,

    /// <summary>Legacy VNI encoding converted to Unicode.</summary>
    LegacyVni,

    /// <summary>Optical character recognition of the rendered page.</summary>
    Ocr,

    /// <summary>No text was found.</summary>
    Empty,
}
