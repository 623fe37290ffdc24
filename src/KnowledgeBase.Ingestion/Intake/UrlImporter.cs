using System.Net;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Intake.Addresses;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// Imports a web article or a PDF by URL (http/https only) within one time limit for the whole download
/// (<c>Ingestion:UrlImportTimeout</c>: connection, redirects, headers and body), at most five redirects, each
/// to http/https, and the upload size cap. Every connection is checked by <see cref="GuardedConnector"/>:
/// this machine and private networks are refused unless <c>Ingestion:AllowPrivateAddresses</c>. A failed
/// connection reads the same whether the port was closed, refused or filtered. The fetched bytes are the
/// snapshot that is stored, so the document survives the site going away; importing the same URL again
/// with changed content makes a new version of the same document.
/// </summary>
public sealed partial class UrlImporter(IHttpClientFactory httpClients, IntakeService intake, IOptions<IngestionOptions> options, ILogger<UrlImporter> logger)
{
    public const string HttpClientName = "KnowledgeBase.UrlImport";
    public const int MaxRedirects = 5;

    /// <exception cref="IntakeException">The address is not http(s), is refused, cannot be fetched in time, or the content is refused.</exception>
    public Task<IntakeResult> ImportAsync(string url, IntakeMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        ImportAsync(url, metadata, null, cancellationToken);

    /// <summary>As the other overload, storing at most <paramref name="allowanceBytes"/> (the user's quota left; null: none).</summary>
    /// <exception cref="IntakeException">As the other overload, or the quota would be exceeded.</exception>
    public async Task<IntakeResult> ImportAsync(string url, IntakeMetadata? metadata, long? allowanceBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || !IsHttp(uri))
        {
            throw new IntakeException(IntakeError.InvalidUrl, "Only http:// and https:// addresses can be imported.");
        }

        metadata ??= new IntakeMetadata();
        IntakeService.CheckMetadata(metadata);
        var timeout = options.Value.UrlImportTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var (response, final) = await GetAsync(uri, deadline.Token);
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new IntakeException(IntakeError.Unreachable, $"The address answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                if (response.Content.Headers.ContentLength is { } length && length > intake.MaxBytes)
                {
                    throw new IntakeException(IntakeError.TooLarge, $"The file is larger than the limit of {intake.MaxBytes / (1024 * 1024)} MB.");
                }

                if (response.Content.Headers.ContentLength is { } announced)
                {
                    IntakeService.CheckAllowance(announced, allowanceBytes);
                }

                var fileName = FileNameFor(final, response.Content.Headers.ContentType?.MediaType);
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                var result = await intake.AddAsync(body, fileName, uri.ToString(), metadata with { SourceUrl = uri.ToString() }, allowanceBytes, deadline.Token);
                LogImported(uri, result.Job.Id);
                return result;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IntakeException(IntakeError.Unreachable, $"{uri.Host} did not send the whole file within {timeout.TotalSeconds:0.#} s.", e);
        }
        catch (HttpIOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IntakeException(IntakeError.Unreachable, $"{uri.Host} stopped sending before the end of the file.", e);
        }
    }

    /// <summary>A file name for the snapshot: the last path segment, or the host, with an extension for its type.</summary>
    public static string FileNameFor(Uri uri, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segment = WebUtility.UrlDecode(uri.Segments.LastOrDefault()?.Trim('/') ?? string.Empty);
        var name = string.IsNullOrEmpty(segment) ? uri.Host : segment;
        var extension = mediaType switch
        {
            "application/pdf" => ".pdf",
            "text/html" or "application/xhtml+xml" => ".html",
            "text/plain" => ".txt",
            _ => string.Empty,
        };
        return extension.Length > 0 && !name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name + extension : name;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The response to <paramref name="uri"/> after its redirects, each checked like the first address.</summary>
    private async Task<(HttpResponseMessage Response, Uri Final)> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        for (var redirects = 0; ; redirects++)
        {
            var response = await SendAsync(client, uri, cancellationToken);
            if (!IsRedirect(response.StatusCode))
            {
                return (response, uri);
            }

            var location = response.Headers.Location;
            response.Dispose();
            var next = location is null ? null : location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (next is null)
            {
                throw new IntakeException(IntakeError.Unreachable, $"{uri.Host} redirected without a valid address.");
            }

            if (!IsHttp(next))
            {
                throw new IntakeException(IntakeError.InvalidUrl, $"{uri.Host} redirected to a {next.Scheme}: address; only http:// and https:// are followed.");
            }

            if (redirects == MaxRedirects)
            {
                throw new IntakeException(IntakeError.Unreachable, $"More than {MaxRedirects} redirects.");
            }

            uri = next;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            LogRefused(uri, refused.Message);
            throw new IntakeException(
                IntakeError.ForbiddenAddress,
                $"{uri.Host} is on this machine or a private network; importing from there is not allowed (Ingestion:AllowPrivateAddresses).",
                refused);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            // One message whether the port was closed, refused or filtered, so imports cannot map internal ports.
            throw new IntakeException(IntakeError.Unreachable, $"{uri.Host} could not be reached.", e);
        }
    }

    private static AddressRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Url} as job {JobId}")]
    private partial void LogImported(Uri url, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to import {Url}: {Reason}")]
    private partial void LogRefused(Uri url, string reason);
}
