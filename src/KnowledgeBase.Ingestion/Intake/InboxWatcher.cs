using System.Globalization;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// Watches the inbox folder: each file that has stopped growing is taken in and moved to
/// <c>accepted/</c>, or to <c>rejected/</c> with a <c>.reason.txt</c> beside it. A subfolder's name becomes
/// the collection of the files in it. Polls rather than trusting file-system events, which miss files on
/// network shares.
/// </summary>
public sealed partial class InboxWatcher : BackgroundService
{
    public const string AcceptedFolder = "accepted";
    public const string RejectedFolder = "rejected";
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    private readonly IntakeService _intake;
    private readonly IOptions<IngestionOptions> _options;
    private readonly IOptions<KnowledgeBaseOptions> _data;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxWatcher> _logger;
    private readonly Dictionary<string, long> _lastSizes = new(StringComparer.Ordinal);

    public InboxWatcher(IntakeService intake, IOptions<IngestionOptions> options, IOptions<KnowledgeBaseOptions> data, TimeProvider time, ILogger<InboxWatcher> logger)
    {
        _intake = intake;
        _options = options;
        _data = data;
        _time = time;
        _logger = logger;
    }

    public string? InboxPath => string.IsNullOrWhiteSpace(_options.Value.InboxPath) ? null : _data.Value.Resolve(_options.Value.InboxPath);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbox = InboxPath;
        if (inbox is null)
        {
            return;
        }

        Directory.CreateDirectory(inbox);
        LogWatching(inbox);
        using var timer = new PeriodicTimer(_options.Value.InboxPollInterval, _time);
        try
        {
            do
            {
                await ScanAsync(inbox, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    /// <summary>One pass over the inbox. Returns how many files were taken in or refused.</summary>
    public async Task<int> ScanAsync(string inbox, CancellationToken cancellationToken)
    {
        var handled = 0;
        var accepted = Path.Combine(inbox, AcceptedFolder);
        var rejected = Path.Combine(inbox, RejectedFolder);
        foreach (var file in Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).ToList())
        {
            if (file.StartsWith(accepted + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.StartsWith(rejected + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || Path.GetFileName(file).StartsWith('.')
                || SidecarMetadata.IsSidecar(file)
                || !IsSettled(file))
            {
                continue;
            }

            var relativeFolder = Path.GetDirectoryName(Path.GetRelativePath(inbox, file));
            try
            {
                var metadata = SidecarMetadata.Read(file) ?? new IntakeMetadata();
                if (metadata.Collection is null && !string.IsNullOrEmpty(relativeFolder))
                {
                    metadata = metadata with { Collection = relativeFolder.Replace(Path.DirectorySeparatorChar, '/') };
                }

                var result = await _intake.AddFileAsync(file, "inbox", metadata, cancellationToken);
                MoveOut(file, accepted, relativeFolder, reason: null);
                LogAccepted(file, result.Job.Id);
            }
            catch (Exception e) when (e is IntakeException or System.Text.Json.JsonException)
            {
                MoveOut(file, rejected, relativeFolder, e.Message);
                LogRejected(file, e.Message);
            }
            catch (IOException e)
            {
                // Still being written or locked by the copier: try again on the next pass.
                LogBusy(file, e.Message);
                continue;
            }

            _lastSizes.Remove(file);
            handled++;
        }

        return handled;
    }

    private bool IsSettled(string file)
    {
        var info = new FileInfo(file);
        var settled = _lastSizes.TryGetValue(file, out var size) && size == info.Length
            && _time.GetUtcNow() - info.LastWriteTimeUtc >= SettleTime;
        _lastSizes[file] = info.Length;
        return settled;
    }

    private static void MoveOut(string file, string targetRoot, string? relativeFolder, string? reason)
    {
        var folder = string.IsNullOrEmpty(relativeFolder) ? targetRoot : Path.Combine(targetRoot, relativeFolder);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        if (File.Exists(target))
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmssfff", CultureInfo.InvariantCulture);
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}.{stamp}{Path.GetExtension(file)}");
        }

        File.Move(file, target);
        var sidecar = SidecarMetadata.PathFor(file);
        if (File.Exists(sidecar))
        {
            File.Move(sidecar, SidecarMetadata.PathFor(target), overwrite: true);
        }

        if (reason is not null)
        {
            File.WriteAllText(target + ".reason.txt", reason + Environment.NewLine);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching inbox {Inbox}")]
    private partial void LogWatching(string inbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {File} accepted as job {JobId}")]
    private partial void LogAccepted(string file, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: {File} rejected: {Reason}")]
    private partial void LogRejected(string file, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox: {File} busy, retrying later: {Reason}")]
    private partial void LogBusy(string file, string reason);
}
