namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// Stable codes for the reasons a job fails and the warnings extraction records, so that the interface can say
/// them (and the notes a job carries: a duplicate, an interrupted run) in its own language while the stored English message stays available as the detail. The catalog keeps
/// the message only; the code is read from it by the wording the extractors, the isolation runner and the job
/// processor of this project use (each pattern is tested against the message that produces it).
/// Stateless and thread-safe.
/// </summary>
public static class FailureReasons
{
    public const string Encrypted = "encrypted";
    public const string Corrupt = "corrupt";
    public const string TooLarge = "too_large";
    public const string Empty = "empty";
    public const string NothingSearchable = "nothing_searchable";
    public const string OcrUnavailable = "ocr_unavailable";
    public const string OcrFailed = "ocr_failed";
    public const string OcrPoor = "ocr_poor";
    public const string Garbled = "garbled";
    public const string ToolMissing = "tool_missing";
    public const string Timeout = "timeout";
    public const string Unsupported = "unsupported";
    public const string MissingOriginal = "missing_original";
    public const string Crashed = "crashed";
    public const string ReadError = "read_error";
    public const string Duplicate = "duplicate";
    public const string Interrupted = "interrupted";
    public const string Unindexable = "unindexable";
    public const string Other = "other";

    // First match wins: the more specific wordings come first ("OCR took longer" is a timeout, "was not found" in
    // an OCR reason a missing program).
    private static readonly (string Code, string[] Phrases)[] Rules =
    [
        // First: its message carries the exception's own, which may hold any other rule's words.
        (Unindexable, ["could not be indexed from the catalog"]),
        (Unsupported, ["no extractor is available", "unknown format", "old binary .doc", "old binary format"]),
        (Encrypted, ["encrypted", "password-protected"]),
        (TooLarge, ["memory limit", "larger than the limit"]),
        (Timeout, ["took longer than"]),
        (ToolMissing, ["was not found (debian", "no language data"]),
        (OcrUnavailable, ["ocr is switched off", "need ocr, which is not available", "need ocr:"]),
        (OcrFailed, ["ocr failed"]),
        (OcrPoor, ["poorly"]),
        (Garbled, ["garbled"]),
        (Empty, ["is empty (0 bytes)", "has no pages"]),
        (NothingSearchable, ["nothing searchable", "no searchable text", "no text"]),
        (MissingOriginal, ["stored original is missing"]),
        (Corrupt, ["damaged", "not a valid pdf", "not valid json", "cannot be read", "no main document part", "has no body", "not a readable"]),
        (Duplicate, ["same content as"]),
        (Interrupted, ["interrupted by shutdown"]),
        (Crashed, ["stopped unexpectedly", "gave no answer", "output was empty"]),
        (ReadError, ["could not be read", "could not be opened"]),
    ];

    /// <summary>The code of a stored reason or warning; null for none, <see cref="Other"/> for a wording not known.</summary>
    public static string? Code(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        foreach (var (code, phrases) in Rules)
        {
            foreach (var phrase in phrases)
            {
                if (reason.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return code;
                }
            }
        }

        return Other;
    }
}
