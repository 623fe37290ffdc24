using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli;

/// <summary>
/// Talks to the running app's JSON API when it holds the index (one process writes the index): uploads
/// files, follows their jobs, searches.
/// </summary>
internal sealed class ServerClient : IDisposable
{
    /// <summary>The environment variable that holds the API token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "KB_TOKEN";

    private readonly HttpClient _http;

    public ServerClient(string baseUrl, TimeSpan? timeout = null)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = timeout ?? TimeSpan.FromMinutes(10) };
        if (!string.IsNullOrWhiteSpace(Token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token.Trim());
        }
    }

    /// <summary>
    /// The API token every client of this run sends (<c>--token</c>, else <c>KB_TOKEN</c>), set once by Program
    /// before a command runs; null to go anonymous (reads of public documents only, no writes).
    /// </summary>
    public static string? Token { get; set; }

    public Uri BaseAddress => _http.BaseAddress!;

    public async Task<(JobInfo? Job, string? Refusal)> UploadAsync(string path, IntakeMetadata metadata, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent();
        await using var file = File.OpenRead(path);
        var fileContent = new StreamContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(fileContent, "files", Path.GetFileName(path));
        if (metadata.Title is { } title)
        {
            content.Add(new StringContent(title), "title");
        }

        if (metadata.Tags.Count > 0)
        {
            content.Add(new StringContent(string.Join(',', metadata.Tags)), "tags");
        }

        if (metadata.Collection is { } collection)
        {
            content.Add(new StringContent(collection), "collection");
        }

        content.Add(new StringContent(metadata.Visibility.ToString()), "visibility");
        // The sidecar's date, author and address: the year facet, date sorting and citations rest on them.
        if (metadata.Date is { } date)
        {
            content.Add(new StringContent(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "date");
        }

        if (metadata.Author is { } author)
        {
            content.Add(new StringContent(author), "author");
        }

        if (metadata.SourceUrl is { } sourceUrl)
        {
            content.Add(new StringContent(sourceUrl), "sourceUrl");
        }

        using var response = await _http.PostAsync("api/documents", content, cancellationToken);
        if (AccessRefusal(response) is { } refusal)
        {
            return (null, refusal);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.ValueKind != JsonValueKind.Array || json.RootElement.GetArrayLength() == 0)
        {
            return (null, $"The server answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }

        var first = json.RootElement[0];
        if (first.TryGetProperty("job", out var job) && job.ValueKind == JsonValueKind.Object)
        {
            return (job.Deserialize<JobInfo>(CliJson.Options), null);
        }

        return (null, first.TryGetProperty("reason", out var reason) ? reason.GetString() : "refused");
    }

    public async Task<(JobInfo? Job, string? Refusal)> ImportUrlAsync(string url, IntakeMetadata metadata, CancellationToken cancellationToken)
    {
        var request = new { url, title = metadata.Title, tags = string.Join(',', metadata.Tags), collection = metadata.Collection };
        using var response = await _http.PostAsJsonAsync("api/documents/url", request, CliJson.Options, cancellationToken);
        if (AccessRefusal(response) is { } refusal)
        {
            return (null, refusal);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(CliJson.Options, cancellationToken);
        return body.TryGetProperty("job", out var job) && job.ValueKind == JsonValueKind.Object
            ? (job.Deserialize<JobInfo>(CliJson.Options), null)
            : (null, body.TryGetProperty("reason", out var reason) ? reason.GetString() : $"The server answered {(int)response.StatusCode}.");
    }

    public async Task<string?> DeleteDocumentAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"api/documents/{id}", cancellationToken);
        return response.IsSuccessStatusCode ? null : AccessRefusal(response) ?? $"the server answered {(int)response.StatusCode}";
    }

    public async Task<string?> ReingestDocumentAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync($"api/documents/{id}/reingest", null, cancellationToken);
        return response.IsSuccessStatusCode ? null : AccessRefusal(response) ?? $"the server answered {(int)response.StatusCode}";
    }

    public Task<JobInfo?> GetJobAsync(long id, CancellationToken cancellationToken) =>
        _http.GetFromJsonAsync<JobInfo>($"api/jobs/{id}", CliJson.Options, cancellationToken);

    public async Task<JsonDocument> SearchAsync(string query, int top, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/search?q={Uri.EscapeDataString(query)}&size={Math.Min(top, SearchRequest.MaxPageSize)}", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonDocument.Parse(body);
    }

    /// <summary>Asks the app to write a backup under <paramref name="destination"/> (a folder on its machine); its folder and document count, or why not.</summary>
    public async Task<(string? Path, int Documents, string? Error)> BackupAsync(string destination, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/admin/backup", new { destination }, CliJson.Options, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, 0, Refusal(response, body));
        }

        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("path").GetString(), json.RootElement.GetProperty("documents").GetInt32(), null);
    }

    /// <summary><c>POST /api/admin/optimize</c>: the app merges its index into at most <paramref name="maxSegments"/> segments and answers when done.</summary>
    public async Task<(OptimizeAnswer? Answer, string? Error)> OptimizeAsync(int maxSegments, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/admin/optimize", new { maxSegments }, CliJson.Options, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, Refusal(response, body));
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (new OptimizeAnswer(root.GetProperty("segmentsBefore").GetInt32(), root.GetProperty("segmentsAfter").GetInt32(), root.GetProperty("seconds").GetDouble()), null);
    }

    /// <summary>What the app answered to <see cref="OptimizeAsync"/>.</summary>
    public sealed record OptimizeAnswer(int SegmentsBefore, int SegmentsAfter, double Seconds);

    public void Dispose() => _http.Dispose();

    /// <summary>Why an admin operation was refused: the sentence for a 401 or 403, else the status and the start of the body.</summary>
    private static string Refusal(HttpResponseMessage response, string body) =>
        AccessRefusal(response) ?? $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";

    /// <summary>A sentence for a 401 or 403 (what to pass, or that the account may not), else null.</summary>
    internal static string? AccessRefusal(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized when string.IsNullOrWhiteSpace(Token) =>
            "the app refuses this without an account: pass an editor's or admin's API token with --token or the KB_TOKEN environment variable (kb tokens create NAME makes one)",
        HttpStatusCode.Unauthorized =>
            "the app refused the API token (unknown or revoked): make a new one with kb tokens create NAME and pass it with --token or KB_TOKEN",
        HttpStatusCode.Forbidden =>
            "the app refused: the token's account may not do this (uploads need an editor, other people's documents and backups an admin)",
        _ => null,
    };
}
