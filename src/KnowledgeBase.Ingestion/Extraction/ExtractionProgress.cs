namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// Tells the extraction runner that a long extraction is still moving: the OCR engine reports each page it has
/// read. The runners count <see cref="IngestionOptions.ExtractionTimeout"/> from the last report, so a scanned
/// book of a hundred pages takes the time its pages need, while a file that hangs is still stopped (and
/// <see cref="IngestionOptions.ExtractionMaxTime"/> bounds the whole). The listener flows with the async
/// context, so documents extracted at the same time in one process do not extend each other's limits.
/// </summary>
public static class ExtractionProgress
{
    private static readonly AsyncLocal<Action?> Current = new();

    /// <summary>Calls <paramref name="onProgress"/> for every report made in this async context until disposed.</summary>
    public static IDisposable Listen(Action onProgress)
    {
        ArgumentNullException.ThrowIfNull(onProgress);
        var previous = Current.Value;
        Current.Value = onProgress;
        return new Restore(previous);
    }

    /// <summary>One more unit of slow work (an OCR'd page) is done.</summary>
    public static void Report() => Current.Value?.Invoke();

    private sealed class Restore(Action? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
