using System.Globalization;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>Failure reasons shown to staff (English; the UI shows them as recorded).</summary>
internal static class ExtractionMessages
{
    public static string TimedOut(TimeSpan limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Extraction took longer than the limit of {limit.TotalSeconds:0} s without progress and was stopped.");

    public static string RanOverMaxTime(TimeSpan limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Extraction took longer than the limit of {limit.TotalMinutes:0} min for one document and was stopped.");

    public static string OutOfMemory(int limitMb) =>
        string.Create(CultureInfo.InvariantCulture, $"Extraction needed more than the memory limit of {limitMb} MB and was stopped.");

    public static string Crashed(int exitCode, string? detail) =>
        string.Create(CultureInfo.InvariantCulture, $"The extraction process stopped unexpectedly (exit code {exitCode}){(string.IsNullOrWhiteSpace(detail) ? "." : ": " + detail)}");

    public static string Unexpected(Exception exception) =>
        $"The file could not be read: {exception.GetType().Name}: {exception.Message}";
}
