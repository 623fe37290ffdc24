using System.ComponentModel.DataAnnotations;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>How text is extracted: OCR of pages without a text layer, and the programs that do it.</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Run OCR on PDF pages that have no text layer. Off, such pages are marked "needs OCR".</summary>
    public bool EnableOcr { get; set; } = true;

    /// <summary>The poppler <c>pdftoppm</c> program (a name looked up on PATH, or a full path).</summary>
    [Required]
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>The <c>tesseract</c> program (a name looked up on PATH, or a full path).</summary>
    [Required]
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>
    /// The <c>antiword</c> program that reads Word 97–2003 (.doc) files (Debian package antiword; optional: without
    /// it a .doc fails with a reason naming it).
    /// </summary>
    [Required]
    public string AntiwordPath { get; set; } = "antiword";

    /// <summary>The <c>catdoc</c> program, used for the short .doc files antiword refuses (Debian package catdoc; optional).</summary>
    [Required]
    public string CatdocPath { get; set; } = "catdoc";

    /// <summary>Time allowed to convert one .doc file; the program is killed after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan LegacyWordTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tesseract language(s), e.g. "vie" or "vie+eng" (Debian: tesseract-ocr-vie).</summary>
    [Required]
    [RegularExpression("^[A-Za-z_]+(\\+[A-Za-z_]+)*$")]
    public string OcrLanguage { get; set; } = "vie";

    /// <summary>
    /// How many threads read the pages of one long PDF at once, each with its own copy of the parsed document:
    /// 0 (the default) is one per core, at most 4; 1 reads page after page.
    /// </summary>
    [Range(0, 16)]
    public int PdfReadWorkers { get; set; }

    /// <summary>Resolution pages are rendered at for OCR.</summary>
    [Range(50, 600)]
    public int OcrDpi { get; set; } = 300;

    /// <summary>Time allowed to render and read one page; a page over it is marked "needs OCR".</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan OcrPageTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
