using System.Net;
using System.Text;
using KnowledgeBase.Core.Hosting;

namespace KnowledgeBase.Ingestion.Tests.Intake;

/// <summary>A tiny HTTP server on loopback for URL-import tests (never the internet). Routes can change between requests.</summary>
public sealed class LocalWebServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Func<HttpListenerResponse, Task>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public LocalWebServer()
    {
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public void Serve(string path, string contentType, string body) => Serve(path, contentType, Encoding.UTF8.GetBytes(body));

    public void Serve(string path, string contentType, byte[] body)
    {
        lock (_routes)
        {
            _routes[path] = async response =>
            {
                response.ContentType = contentType;
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body);
            };
        }
    }

    public void Redirect(string path, string target)
    {
        lock (_routes)
        {
            _routes[path] = response =>
            {
                response.StatusCode = 302;
                response.RedirectLocation = target;
                return Task.CompletedTask;
            };
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Func<HttpListenerResponse, Task>? route;
            lock (_routes)
            {
                _routes.TryGetValue(context.Request.Url!.AbsolutePath, out route);
            }

            try
            {
                if (route is null)
                {
                    context.Response.StatusCode = 404;
                }
                else
                {
                    await route(context.Response);
                }
            }
            finally
            {
                context.Response.Close();
            }
        }
    }
}
