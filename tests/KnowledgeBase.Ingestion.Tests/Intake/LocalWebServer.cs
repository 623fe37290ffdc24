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
    private readonly Dictionary<string, int> _hits = new(StringComparer.Ordinal);

    public LocalWebServer()
    {
        Port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{Port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public int Port { get; }

    /// <summary>How many requests reached <paramref name="path"/>.</summary>
    public int Hits(string path)
    {
        lock (_routes)
        {
            return _hits.GetValueOrDefault(path);
        }
    }

    /// <summary>Requests that reached any path.</summary>
    public int TotalHits
    {
        get
        {
            lock (_routes)
            {
                return _hits.Values.Sum();
            }
        }
    }

    /// <summary>Headers promising <paramref name="length"/> bytes, a first few bytes, then nothing until the server stops.</summary>
    public void ServeSlowly(string path, long length)
    {
        lock (_routes)
        {
            _routes[path] = async response =>
            {
                response.ContentType = "text/html";
                response.ContentLength64 = length;
                await response.OutputStream.WriteAsync("<html><body>"u8.ToArray());
                await response.OutputStream.FlushAsync();
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            };
        }
    }

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
                var path = context.Request.Url!.AbsolutePath;
                _routes.TryGetValue(path, out route);
                _hits[path] = _hits.GetValueOrDefault(path) + 1;
            }

            _ = Task.Run(() => AnswerAsync(context, route));
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, Func<HttpListenerResponse, Task>? route)
    {
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
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (an import cut off by its time limit).
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already closed by the server stopping.
            }
        }
    }
}
