using System.Globalization;
using System.Net;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>The options of <c>kb bench search</c>, already clamped to their ranges.</summary>
internal sealed record SearchBenchmarkSettings(
    string Passages,
    string[] Queries,
    int Every,
    int Warmup,
    string? Index,
    bool Keep,
    int Threads,
    int PerDocument,
    string[] Modes,
    bool Web,
    string? WebApp,
    bool Json,
    int IndexBatch = 1)
{
    /// <summary>
    /// <c>--commit-every</c>: passages between the load's commits (10,000 by default, as the worker's largest batch);
    /// 0 commits once, at the end — the writer then flushes segments on the indexing threads when its RAM buffer
    /// (<c>Search:RamBufferMb</c>) fills, not on one thread at each commit.
    /// </summary>
    public int CommitEvery { get; init; } = 10_000;

    /// <summary><c>--max-segments</c>: after the load, force-merge the index into at most this many segments (timed apart); null leaves the merge policy's segments.</summary>
    public int? MaxSegments { get; init; }

    /// <summary><c>--per-query</c>: a file to write each in-process request's latency to, one JSON object a line (set, mode, threads, request, ms); null writes none.</summary>
    public string? PerQuery { get; init; }

    /// <summary>Most concurrent clients one <c>--clients</c> level may ask for.</summary>
    public const int MaxClients = 256;

    /// <summary>
    /// <c>--clients</c>: concurrent clients of the timed load passes over loopback, one pass per level; empty
    /// means the untimed passes of <c>--web</c> (every selected request once, 1 and <c>--threads</c> workers).
    /// </summary>
    public int[] Clients { get; init; } = [];

    /// <summary><c>--duration</c>: how long each load pass starts requests.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary><c>--web-only</c>: no in-process passes; the index is built (or reused) and the app timed.</summary>
    public bool WebOnly { get; init; }

    /// <summary><c>--web-port</c>: the loopback port of the app kb starts; 0 picks a free one.</summary>
    public int WebPort { get; init; }

    /// <summary><c>--web-url</c>: an app already running on loopback to time instead of starting one (no RSS, no start time).</summary>
    public Uri? WebUrl { get; init; }

    /// <summary><c>--audience</c>: whose in-process searches are timed (<see cref="SearchWorkload.AudienceNamed"/>).</summary>
    public string Audience { get; init; } = "everyone";

    /// <summary>Whether the app is timed at all.</summary>
    public bool AnyWeb => Web || WebOnly || WebUrl is not null;

    /// <summary>
    /// <c>--clients 1,4,16</c>: positive, distinct, at most <see cref="MaxClients"/>, in the order given; null when
    /// the text is not such a list.
    /// </summary>
    public static int[]? ParseClients(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var levels = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var clients) || clients < 1 || clients > MaxClients || levels.Contains(clients))
            {
                return null;
            }

            levels.Add(clients);
        }

        return levels.Count > 0 ? [.. levels] : null;
    }

    /// <summary>
    /// <c>--duration</c>: <c>20s</c>, <c>1.5s</c>, <c>500ms</c>, <c>2m</c> or plain seconds (<c>20</c>), between
    /// 100 ms and one hour; null otherwise.
    /// </summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') || text.EndsWith('S') ? (text[..^1], 1.0)
            : text.EndsWith('m') || text.EndsWith('M') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var seconds = value * unit;
        return seconds is >= 0.1 and <= 3600 ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>
    /// <c>--web-url</c>: an absolute http address whose host is a loopback address (127.0.0.0/8, ::1 or
    /// <c>localhost</c>), ending in '/'; null otherwise — the bench never loads a machine other than this one.
    /// </summary>
    public static Uri? ParseLoopbackUrl(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !string.IsNullOrEmpty(uri.Query))
        {
            return null;
        }

        var loopback = uri.IsLoopback && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
        if (!loopback)
        {
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }
}
