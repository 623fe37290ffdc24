using System.Security.Cryptography;

namespace KnowledgeBase.Ingestion.Storage;

/// <summary>
/// Stores originals content-addressed by SHA-256 under <c>originals/ab/abcdef…</c>. Writes go to a temporary
/// file first and are moved into place once complete, so a crash never leaves a half-written original.
/// Thread-safe: the same bytes stored twice end up as one file.
/// </summary>
public sealed class OriginalStore
{
    private const int BufferSize = 81920;
    private readonly string _root;
    private readonly string _temp;

    public OriginalStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public string Root => _root;

    /// <summary>Copies <paramref name="content"/> into the store, refusing more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IntakeException">The content is larger than allowed.</exception>
    public async Task<StoredOriginal> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        long size = 0;
        string hash;
        try
        {
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var output = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new IntakeException(IntakeError.TooLarge, $"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.");
                    }

                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var finalPath = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            if (File.Exists(finalPath))
            {
                File.Delete(tempPath);
            }
            else
            {
                File.Move(tempPath, finalPath, overwrite: true);
            }

            return new StoredOriginal(hash, size, finalPath);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    public string PathOf(string contentHash)
    {
        if (contentHash.Length != 64 || !contentHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(contentHash));
        }

        return Path.Combine(_root, contentHash[..2], contentHash);
    }

    public bool Exists(string contentHash) => File.Exists(PathOf(contentHash));

    public Stream OpenRead(string contentHash) =>
        new FileStream(PathOf(contentHash), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public void Delete(string contentHash)
    {
        var path = PathOf(contentHash);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Removes temporary files left by a crash in the middle of a write.</summary>
    public int CleanTemporaryFiles()
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(_temp))
        {
            File.Delete(file);
            count++;
        }

        return count;
    }
}
