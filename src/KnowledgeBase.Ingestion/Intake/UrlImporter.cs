using System.Net;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// Imports a web article or a PDF by URL (http/https only), with a time limit, a redirect limit and the
/// upload size cap. The fetched bytes are the snapshot that is stored, so the document survives the site
/// going away. Importing the same URL again with changed content makes a new version of the same document.
/// </summary>
public sealed partial class UrlImporter
{
    public const string HttpClientName = "KnowledgeBase.UrlImport";
    private readonly IHttpClientFactory _httpClients;
    private readonly IntakeService _intake;
    private readonly ILogger<UrlImporter> _logger;

    public UrlImporter(IHttpClientFactory httpClients, IntakeService intake, ILogger<UrlImporter> logger)
    {
        _httpClients = httpClients;
        _intake = intake;
        _logger = logger;
    }

    /// <exception cref="IntakeException">The address is not http(s), cannot be fetched, or the content is refused.</exception>
    public async Task<IntakeResult> ImportAsync(string url, IntakeMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new IntakeException(IntakeError.InvalidUrl, "Only http:// and https:// addresses can be imported.");
        }

        var client = _httpClients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new IntakeException(IntakeError.Unreachable, $"{uri.Host} could not be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IntakeException(IntakeError.Unreachable, $"{uri.Host} did not answer in time.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new IntakeException(IntakeError.Unreachable, $"The address answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength is { } length && length > _intake.MaxBytes)
            {
                throw new IntakeException(IntakeError.TooLarge, $"The file is larger than the limit of {_intake.MaxBytes / (1024 * 1024)} MB.");
            }

            var fileName = FileNameFor(response.RequestMessage?.RequestUri ?? uri, response.Content.Headers.ContentType?.MediaType);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var result = await _intake.AddAsync(body, fileName, uri.ToString(), (metadata ?? new IntakeMetadata()) with { SourceUrl = uri.ToString() }, cancellationToken);
            LogImported(uri, result.Job.Id);
            return result;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Url} as job {JobId}")]
    private partial void LogImported(Uri url, long jobId);
}
