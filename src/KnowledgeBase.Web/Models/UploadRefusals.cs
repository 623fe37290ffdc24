using System.Globalization;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Net.Http.Headers;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// The status of an answer whose files were refused, for the upload page and the API alike: 429 with
/// <c>Retry-After</c> when the upload rate refused one, 413 when the storage quota did, otherwise 400.
/// </summary>
public static class UploadRefusals
{
    public static int Status(IEnumerable<UploadResult> results, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(response);
        var refused = results.Where(r => r.Refusal is not null).ToList();
        var waits = refused.Where(r => r.RetryAfter is not null).Select(r => r.RetryAfter!.Value).ToList();
        if (waits.Count > 0)
        {
            response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (long)Math.Ceiling(waits.Min().TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return StatusCodes.Status429TooManyRequests;
        }

        return refused.Any(r => r.Refusal!.Error == IntakeError.QuotaExceeded) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
    }
}
