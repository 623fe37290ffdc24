using System.Collections.Concurrent;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// Files added per user over the last hour (a sliding log: the times of at most <c>limit</c> files per user), so a
/// request of many files counts each of them and the wait until the next one is allowed is exact. Thread-safe.
/// </summary>
public sealed class UploadRate(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _added = new(StringComparer.Ordinal);

    /// <summary>Counts one file for <paramref name="user"/>; false (with the wait) when <paramref name="limit"/> files were added in the last hour.</summary>
    public bool TryTake(string user, int limit, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var added = _added.GetOrAdd(user, _ => new Queue<DateTimeOffset>());
        lock (added)
        {
            while (added.Count > 0 && added.Peek() <= now - Window)
            {
                added.Dequeue();
            }

            if (added.Count >= limit)
            {
                retryAfter = added.Peek() + Window - now;
                return false;
            }

            added.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
