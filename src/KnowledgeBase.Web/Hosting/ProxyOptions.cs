namespace KnowledgeBase.Web.Hosting;

/// <summary>
/// Running behind a reverse proxy (section <c>ForwardedHeaders</c>): whether <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are read, and from which proxies. Off by default: the app then sees the proxy's address.
/// When on, loopback proxies are trusted (a proxy on the same machine) plus those listed here.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of further trusted proxies (e.g. <c>10.0.0.5</c>).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of further trusted proxies, in CIDR notation (e.g. <c>10.0.0.0/24</c>).</summary>
    public IList<string> KnownNetworks { get; } = [];
}
