namespace KnowledgeBase.Web.Security;

/// <summary>
/// The security headers of every response — pages, API, static files and originals: a Content-Security-Policy
/// that runs script from this origin only (no inline script, no eval; WebAssembly for PDF.js's decoders),
/// never framed by anyone (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>), nosniff, a
/// same-origin referrer and opener. A response that sets its own policy keeps it (the sandbox on stored HTML
/// originals), with <c>frame-ancestors 'none'</c> added.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                var own = headers.ContentSecurityPolicy.ToString();
                headers.ContentSecurityPolicy = own.Length == 0
                    ? ContentSecurityPolicy
                    : own.Contains("frame-ancestors", StringComparison.Ordinal) ? own : own + "; frame-ancestors 'none'";
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
