namespace KnowledgeBase.Cli;

/// <summary>
/// The largest total size of the files of a folder while it runs, read every <c>interval</c> (a force-merge's peak
/// disk: the merged segment is written beside the old ones, which go at the commit that follows). Dispose to stop.
/// </summary>
internal sealed class FolderSizeSampler : IAsyncDisposable
{
    private readonly string _folder;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public FolderSizeSampler(string folder, TimeSpan? interval = null)
    {
        _folder = folder;
        _peak = SizeOf(folder);
        var every = interval ?? TimeSpan.FromMilliseconds(250);
        _sampling = Task.Run(async () =>
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(every, _stop.Token);
                    Sample();
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    /// <summary>Runs <paramref name="work"/> (a force-merge of the index in <paramref name="folder"/>) and reads the folder's largest size meanwhile.</summary>
    public static async Task<(T Result, long PeakBytes)> WhileAsync<T>(string folder, Func<Task<T>> work)
    {
        var sampler = new FolderSizeSampler(folder);
        T result;
        await using (sampler)
        {
            result = await work();
        }

        return (result, sampler.PeakBytes);
    }

    /// <summary>The largest size read so far, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>The total size of the files directly in <paramref name="folder"/> (files that vanish while it is read count 0).</summary>
    public static long SizeOf(string folder)
    {
        var total = 0L;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            try
            {
                total += file.Length;
            }
            catch (FileNotFoundException)
            {
                // Deleted between the listing and the read (a merged segment's old files).
            }
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        _stop.Dispose();
    }

    private void Sample()
    {
        long size;
        try
        {
            size = SizeOf(_folder);
        }
        catch (IOException)
        {
            return;
        }

        long peak;
        do
        {
            peak = Interlocked.Read(ref _peak);
            if (size <= peak)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _peak, size, peak) != peak);
    }
}
