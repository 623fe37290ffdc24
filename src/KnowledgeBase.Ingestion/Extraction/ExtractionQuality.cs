using KnowledgeBase.Vietnamese.Syllables;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// The quality figure every extractor reports: the share of Vietnamese-looking tokens that are valid syllables,
/// and the verdict "garbled" for text-layer text that is mostly not Vietnamese. Stateless and thread-safe.
/// </summary>
public static class ExtractionQuality
{
    /// <summary>Below this valid-syllable share a text-layer page is garbled (correct Vietnamese scores above 0.95).</summary>
    public const double GarbledBelow = 0.75;

    /// <summary>Fewest counted tokens before a page is judged at all.</summary>
    public const int MinimumTokens = 20;

    /// <summary>Valid-syllable share (0..1) rounded to 4 places; null when the text has no Vietnamese-looking token.</summary>
    public static double? Measure(string text) => Round(SyllableStatistics.Measure(text).ValidShare);

    /// <summary>Below this valid-syllable share an OCR reading is poor (printed pages read above 0.9; handwriting 0.65–0.78).</summary>
    public const double OcrPoorBelow = 0.85;

    /// <summary>Fewest counted tokens before an OCR reading is judged.</summary>
    public const int MinimumOcrTokens = 10;

    /// <summary>Whether an OCR reading is too poor to trust unchecked.</summary>
    public static bool ReadsPoorly(SyllableStatistics statistics) =>
        statistics.Counted >= MinimumOcrTokens && statistics.ValidShare < OcrPoorBelow;

    public static bool LooksGarbled(SyllableStatistics statistics) =>
        statistics.Counted >= MinimumTokens && statistics.ValidShare < GarbledBelow;

    internal static double? Round(double? share) => share is null ? null : Math.Round(share.Value, 4);
}
