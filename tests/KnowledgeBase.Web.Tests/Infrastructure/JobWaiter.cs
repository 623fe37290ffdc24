using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>Polls <c>/api/jobs</c> until no job is queued or running.</summary>
public static class JobWaiter
{
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
}
