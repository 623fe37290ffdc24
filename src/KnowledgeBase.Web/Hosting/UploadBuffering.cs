using KnowledgeBase.Core.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Hosting;

/// <summary>
/// Where the files of an upload wait while the form is read: <c>&lt;data&gt;/tmp</c>, a folder the app owns, instead
/// of ASP.NET Core's own choice (<c>ASPNETCORE_TEMP</c> or the system temp folder, shared and never cleaned by the
/// app). A multipart request's body is buffered there (<see cref="FileBufferingReadStream"/>, in memory up to
/// <see cref="FormOptions.MemoryBufferThreshold"/>, then an <c>ASPNETCORE_*.tmp</c> file deleted when the request
/// ends); the form reader then reads the file parts from that seekable body and buffers nothing of its own. A file
/// left by an interrupted process (killed mid-upload) is removed on the next start, before requests are served —
/// never while the app runs, so a live request's file is never touched.
/// </summary>
public static partial class UploadBuffering
{
    public const string FolderName = "tmp";

    public static string FolderOf(KnowledgeBaseOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Path.Combine(data.DataDirectory, FolderName);
    }

    /// <summary>Removes what interrupted requests left in the folder, then buffers multipart bodies there.</summary>
    public static WebApplication UseUploadBuffering(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = FolderOf(app.Services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value);
        var removed = CleanLeftovers(folder);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UploadBuffering));
        LogCleaned(logger, removed, folder);
        var threshold = app.Services.GetRequiredService<IOptions<FormOptions>>().Value.MemoryBufferThreshold;
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!request.Body.CanSeek && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            {
                // No limit here: Kestrel's request size and the form's limits still cut an over-size body off.
                var buffered = new FileBufferingReadStream(request.Body, threshold, bufferLimit: null, () =>
                {
                    Directory.CreateDirectory(folder);
                    return folder;
                });
                context.Response.RegisterForDisposeAsync(buffered);
                request.Body = buffered;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Deletes everything in <paramref name="folder"/> (created when missing); returns how many files.</summary>
    internal static int CleanLeftovers(string folder)
    {
        Directory.CreateDirectory(folder);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held or protected: tried again on the next start.
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload buffer folder {Folder}: {Removed} files left by interrupted requests removed")]
    private static partial void LogCleaned(ILogger logger, int removed, string folder);
}
