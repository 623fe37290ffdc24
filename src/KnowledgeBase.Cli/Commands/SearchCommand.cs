using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb search "query" [--top N] [--json]</c>: ranked passages with title, page and highlighted words. Asks the
/// running app when it holds the index.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for (accents optional)" };
        var top = new Option<int>("--top", "-n") { Description = "How many passages to show", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("search", "Search the knowledge base") { query, top, json };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(query) ?? string.Empty,
            Math.Clamp(result.GetValue(top), 1, SearchRequest.MaxPageSize),
            result.GetValue(json),
            result.GetValue(CommonOptions.Data),
            result.GetValue(CommonOptions.Server),
            result.GetValue(CommonOptions.Verbose),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string query, int top, bool json, string? data, string? server, bool verbose, CancellationToken cancellationToken)
    {
        await using var services = CliServices.Build(data, verbose);
        ISearchService search;
        if (!CliServices.TryHoldIndex(services))
        {
            return await SearchThroughServerAsync(CliServices.ServerUrl(services, server), query, top, json, cancellationToken);
        }

        search = services.GetRequiredService<ISearchService>();

        SearchResults results;
        try
        {
            results = search.Search(new SearchRequest { Query = query, PageSize = top });
        }
        catch (QuerySyntaxException e)
        {
            await Console.Error.WriteLineAsync($"kb: {e.Message}");
            return 1;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(results, CliJson.Options));
            return 0;
        }

        Print(results.TotalHits, results.Hits.Select(h => (h.Title, h.DocumentId, h.Kind.ToString(), h.PageNumber, h.Score, h.FragmentHtml)));
        return 0;
    }

    private static async Task<int> SearchThroughServerAsync(string url, string query, int top, bool json, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(url);
        using var response = await client.SearchAsync(query, top, cancellationToken);
        var root = response.RootElement;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(root, CliJson.Options));
            return root.TryGetProperty("hits", out _) ? 0 : 1;
        }

        if (!root.TryGetProperty("hits", out var hits))
        {
            await Console.Error.WriteLineAsync($"kb: {(root.TryGetProperty("detail", out var detail) ? detail.GetString() : root.ToString())}");
            return 1;
        }

        Print(
            root.GetProperty("total").GetInt32(),
            hits.EnumerateArray().Select(h => (
                h.GetProperty("title").GetString() ?? string.Empty,
                h.GetProperty("documentId").GetString() ?? string.Empty,
                h.GetProperty("kind").GetString() ?? string.Empty,
                h.GetProperty("page").GetInt32(),
                h.GetProperty("score").GetSingle(),
                h.GetProperty("fragment").GetString() ?? string.Empty)));
        return 0;
    }

    private static void Print(int total, IEnumerable<(string Title, string DocumentId, string Kind, int Page, float Score, string Fragment)> hits)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} passage{(total == 1 ? string.Empty : "s")}"));
        var rank = 0;
        foreach (var hit in hits)
        {
            rank++;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rank}. {hit.Title} — page {hit.Page} ({hit.Kind.ToLowerInvariant()}, score {hit.Score:0.00})"));
            Console.WriteLine("   " + TerminalText.FromFragment(hit.Fragment, Console.IsOutputRedirected));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   /documents/{hit.DocumentId}/file{(hit.Kind.Equals("pdf", StringComparison.OrdinalIgnoreCase) ? $"#page={hit.Page}" : string.Empty)}"));
        }
    }
}
