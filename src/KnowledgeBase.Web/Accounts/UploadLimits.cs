using System.Collections.Concurrent;
using System.Globalization;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;
using KnowledgeBase.Web.Models;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// The upload rate (<c>Auth:UploadsPerHour</c>) and storage quota (<c>Auth:StorageQuotaMb</c>) of each user, applied
/// to every file and address a signed-in user adds (upload page, <c>POST /api/documents</c>,
/// <c>POST /api/documents/url</c>, all through <see cref="UploadIntake"/>). Admins are exempt. A user's files are
/// taken in one at a time, so two parallel uploads cannot both fit in the same remaining quota. Thread-safe.
/// </summary>
public sealed class UploadLimits(IOptions<AuthOptions> options, StorageUsage usage, UploadRate rate)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="add"/> (given the bytes the caller may still store, null for no quota) when the caller is
    /// within the rate; a refusal (rate, quota or intake's own) becomes the result, never an exception.
    /// </summary>
    public async Task<UploadResult> RunAsync(Caller caller, string name, Func<long?, Task<IntakeResult>> add, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(add);
        try
        {
            if (caller.IsAdmin || caller.Name is not { } user)
            {
                return new UploadResult(name, await add(null), null);
            }

            var settings = options.Value;
            if (settings.UploadsPerHour > 0 && !rate.TryTake(user, settings.UploadsPerHour, out var retryAfter))
            {
                var minutes = Math.Ceiling(retryAfter.TotalMinutes).ToString(CultureInfo.InvariantCulture);
                var refusal = new IntakeException(
                    IntakeError.RateLimited,
                    $"You have added {settings.UploadsPerHour} files in the last hour (Auth:UploadsPerHour); try again in {minutes} minute(s).");
                return new UploadResult(name, null, refusal, retryAfter);
            }

            if (settings.StorageQuotaMb <= 0)
            {
                return new UploadResult(name, await add(null), null);
            }

            var gate = _locks.GetOrAdd(user, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                return new UploadResult(name, await add((settings.StorageQuotaMb * 1024 * 1024) - usage.BytesOf(user)), null);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (IntakeException e)
        {
            return new UploadResult(name, null, e);
        }
    }
}
