using System.Collections.Concurrent;
using KnowledgeBase.Ingestion.Accounts;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// Files added per user over the last hour (a sliding log: the times of the files each user added), so a request of
/// many files counts each of them and the wait until the next one is allowed is exact. Seeded, when first used, from
/// the audit trail's accepted uploads and URL imports of the last hour, so a restart does not hand anyone a fresh hour
/// (a refused attempt counts until a restart, an accepted one across it). Thread-safe.
/// </summary>
public sealed class UploadRate
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _added = new(StringComparer.Ordinal);

    public UploadRate(TimeProvider time, AuditStore audit)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(audit);
        _time = time;

        // Made (a singleton UploadLimits needs) for this process's first upload, before that upload is recorded: no file
        // is counted both from the audit and here.
        foreach (var (user, at) in audit.AddedSince(time.GetUtcNow() - Window))
        {
            _added.GetOrAdd(user, _ => new Queue<DateTimeOffset>()).Enqueue(at);
        }
    }

    /// <summary>Counts one file for <paramref name="user"/>; false (with the wait) when <paramref name="limit"/> files were added in the last hour.</summary>
    public bool TryTake(string user, int limit, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _time.GetUtcNow();
        var added = _added.GetOrAdd(user, _ => new Queue<DateTimeOffset>());
        lock (added)
        {
            while (added.Count > 0 && added.Peek() <= now - Window)
            {
                added.Dequeue();
            }

            if (added.Count >= limit)
            {
                // Seeded from the audit under a higher limit, the log may hold more than the limit: the next file is
                // allowed once all but limit - 1 of them are over an hour old.
                retryAfter = added.ElementAt(added.Count - limit) + Window - now;
                return false;
            }

            added.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
