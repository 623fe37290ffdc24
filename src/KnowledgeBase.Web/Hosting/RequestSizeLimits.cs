using Microsoft.AspNetCore.Http.Features;

namespace KnowledgeBase.Web.Hosting;

/// <summary>
/// Kestrel's request size limit is the largest upload (<c>Ingestion:MaxFileMb</c> plus a megabyte, 201 MB by
/// default), which only the two routes that take files need: the upload page's form (<c>POST /upload</c>) and
/// <c>POST /api/documents</c>. Every other request — the sign-in form anyone may post, the other forms, JSON bodies —
/// may send at most <see cref="MaxOtherRequestBytes"/>: an anonymous sign-in of 160 MB once grew the app by 350 MB
/// while its form was read (audit 2026-12-08). A body over it is refused by Kestrel as it is read (413).
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>The largest body of a request that is not an upload: forms and JSON are a few kilobytes.</summary>
    public const long MaxOtherRequestBytes = 1024 * 1024;

    /// <summary>
    /// Lowers the request size limit of every request but an upload; run before anything reads a body. A body over
    /// the limit that reaches code reading it unguarded (a JSON body) is answered 413, not as an unexpected error.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsUpload(context.Request)
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size
                && size.MaxRequestBodySize is not < MaxOtherRequestBytes)
            {
                size.MaxRequestBodySize = MaxOtherRequestBytes;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });

    /// <summary>Whether the request posts files: the upload page's form or the API's upload.</summary>
    public static bool IsUpload(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method))
        {
            return false;
        }

        var path = request.Path.Value?.TrimEnd('/') ?? string.Empty;
        return path.Equals("/upload", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/documents", StringComparison.OrdinalIgnoreCase);
    }
}
