using System.Diagnostics;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// An exclusive lock on an index folder, held by the one process that writes it, for as long as its
/// writer lives. Lucene.Net's own native lock does not keep a second process out on Linux, and two writers
/// on one folder corrupt it; an open file with <see cref="FileShare.None"/> is an OS-level lock (flock) that
/// the kernel releases when the process dies, so a crash never leaves a stale lock behind.
/// <para>
/// The kernel ties the lock to the open file, not to the descriptor: a child process being started (by this process,
/// at any moment — an extraction worker, OCR, a test's browser) holds a copy of every descriptor from its fork until
/// its exec closes it, and with it the lock, even after this process has let go. On a loaded machine that lasts long
/// enough for the folder to be refused when it is opened again at once (a restart in the same process, a restore).
/// So <see cref="Acquire(string, TimeSpan)"/> waits for the lock a short while, as Lucene waits for its write.lock,
/// before calling the folder in use: a real second writer holds it for good and is still refused. Any other I/O
/// error is thrown as it is, never reported as "in use".
/// </para>
/// </summary>
public sealed class FolderLock : IDisposable
{
    public const string FileName = "kb-writer.lock";

    /// <summary>How long <see cref="Acquire(string)"/> waits for a lock held elsewhere before calling the folder in use.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private static readonly Lazy<int?> SharingViolation = new(ProvokeSharingViolation);
    private readonly FileStream _stream;

    private FolderLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <exception cref="IndexInUseException">Another process (or another index of this one) holds the folder.</exception>
    public static FolderLock Acquire(string folder) => Acquire(folder, DefaultWait);

    /// <summary>Takes the folder's lock, waiting up to <paramref name="wait"/> while it is held elsewhere.</summary>
    /// <exception cref="IndexInUseException">Another process (or another index of this one) still holds the folder after <paramref name="wait"/>.</exception>
    public static FolderLock Acquire(string folder, TimeSpan wait)
    {
        var path = Path.Combine(folder, FileName);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return Open(path);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                if (Stopwatch.GetElapsedTime(started) >= wait)
                {
                    throw new IndexInUseException(InUseMessage(folder), e);
                }

                Thread.Sleep(PollInterval);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    internal static string InUseMessage(string folder) => $"The index at {folder} is in use by another process (is the app running?).";

    private static FolderLock Open(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            stream.Flush();
            return new FolderLock(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The error of a file another open file holds (the sharing violation), told from every other I/O error.</summary>
    private static bool IsHeldElsewhere(IOException e) =>
        SharingViolation.Value is { } code ? e.HResult == code : e.GetType() == typeof(IOException);

    /// <summary>The platform's HResult for a sharing violation, learnt once on a file of our own (as Lucene.Net does).</summary>
    private static int? ProvokeSharingViolation()
    {
        var file = Path.Combine(Path.GetTempPath(), "kb-lock-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var first = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            using var second = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return null;
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            return e.HResult;
        }
#pragma warning disable CA1031 // A probe that cannot run leaves the plainer test (the exception's type).
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
        finally
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temp file left behind.
            }
        }
    }
}
