using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeBase.Testing;

/// <summary>Polls the app's jobs over HTTP: all of them until none is queued or running, or one until it is finished.</summary>
public static class JobWaiter
{
    /// <summary>The list of <c>/api/jobs</c> once none is busy and at least <paramref name="expectedJobs"/> exist; throws when the time is up.</summary>
    public static async Task<JsonElement> WaitForIdleAsync(HttpClient client, TimeSpan? timeout = null, int expectedJobs = 1)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/jobs?limit=1000");
            var counts = list.GetProperty("counts");
            var busy = counts.GetProperty("queued").GetInt32() + counts.GetProperty("extracting").GetInt32() + counts.GetProperty("indexing").GetInt32();
            if (busy == 0 && list.GetProperty("jobs").GetArrayLength() >= expectedJobs)
            {
                return list;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Jobs still running: " + counts);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// <c>/api/jobs/{id}</c> once it is finished, or as it stands when the time is up (the caller asserts its
    /// state, so that a slow job fails with the state it was in).
    /// </summary>
    public static async Task<JsonElement> WaitForJobAsync(HttpClient client, long id, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonElement job;
        do
        {
            await Task.Delay(100);
            job = await client.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture, $"/api/jobs/{id}"));
        }
        while (!job.GetProperty("isFinished").GetBoolean() && DateTime.UtcNow < deadline);

        return job;
    }
}
