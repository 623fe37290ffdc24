using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Hardening;

/// <summary>
/// Upload bodies wait in <c>&lt;data&gt;/tmp</c>, which the app owns: what an interrupted process left there is gone
/// after the next start, and the file of a request still being read is written there and left alone until the
/// request ends.
/// </summary>
public sealed class UploadBufferingTests : IDisposable
{
    private readonly EmptyWebAppFactory _factory = new();

    private string Folder => Path.Combine(_factory.DataPath, "tmp");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Start_RemovesFilesLeftByInterruptedRequests_BeforeServing()
    {
        Directory.CreateDirectory(Folder);
        var leftover = Path.Combine(Folder, "ASPNETCORE_" + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(leftover, new byte[100_000]);
        var staged = Path.Combine(_factory.DataPath, "originals", "tmp", Guid.NewGuid().ToString("N") + ".part");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllBytes(staged, new byte[1_000]);

        // Creating the client starts the host: both are gone once it serves.
        using var client = _factory.CreateClient();

        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(staged));
        Assert.True(Directory.Exists(Folder));
    }

    [Fact]
    public async Task ALiveUpload_IsBufferedInTheDataFolder_UntouchedUntilItEnds()
    {
        // Without the redirect handler, which would read the whole body before sending it.
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new MultipartFormDataContent
        {
            { new StringContent(string.Concat(Enumerable.Repeat("Hồ sơ đăng ký hộ kinh doanh cá thể nộp tại bộ phận một cửa cấp huyện. ", 4000))), "files", "ho-kinh-doanh.txt" },
        };
        var bytes = await form.ReadAsByteArrayAsync();
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var paused = new PausedContent(bytes, bytes.Length / 2, resume.Task);
        paused.Headers.ContentType = form.Headers.ContentType;

        var sending = client.PostAsync("/api/documents", paused);
        // Half the body is in: its file is in the data folder's tmp, not the system's, and stays while the request runs.
        Assert.True(await EventuallyAsync(() => Directory.EnumerateFiles(Folder, "ASPNETCORE_*.tmp").Any()));
        var buffered = Directory.EnumerateFiles(Folder, "ASPNETCORE_*.tmp").Single();
        await Task.Delay(300);
        Assert.True(File.Exists(buffered));
        resume.SetResult();
        using var response = await sending;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await EventuallyAsync(() => !Directory.EnumerateFiles(Folder).Any()));
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        return condition();
    }

    /// <summary>A body sent in two halves, the second once <paramref name="resume"/> completes.</summary>
    private sealed class PausedContent(byte[] bytes, int pauseAt, Task resume) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, pauseAt));
            await stream.FlushAsync();
            await resume;
            await stream.WriteAsync(bytes.AsMemory(pauseAt));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
