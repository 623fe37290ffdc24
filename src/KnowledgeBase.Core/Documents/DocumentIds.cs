using System.Security.Cryptography;

namespace KnowledgeBase.Core.Documents;

/// <summary>Content hashing and document identifiers. Thread-safe (stateless).</summary>
public static class DocumentIds
{
    /// <summary>Length of a document id: the first 64 bits of the SHA-256, as hex.</summary>
    public const int IdLength = 16;

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<string> HashOfAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }

    public static string IdFromHash(string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        return contentHash[..IdLength];
    }

    /// <summary>True for a well-formed id (guards file paths and routes built from user input).</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: IdLength } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
