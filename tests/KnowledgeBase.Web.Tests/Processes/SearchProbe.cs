using System.Diagnostics;

namespace KnowledgeBase.Web.Tests.Processes;

/// <summary>Searches again and again while something else runs, counting answers, failures and latency.</summary>
public static class SearchProbe
{
    public sealed record Result(int Count, int Failures, double MedianMs, double MaxMs);

    public static async Task<Result> RunAsync(HttpClient client, string query, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(client);
        var latencies = new List<double>();
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}", CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failures++;
                }
            }
            catch (HttpRequestException)
            {
                failures++;
            }

            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        latencies.Sort();
        return new Result(
            latencies.Count,
            failures,
            latencies.Count == 0 ? 0 : latencies[latencies.Count / 2],
            latencies.Count == 0 ? 0 : latencies[^1]);
    }
}
