using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Ingestion.Intake.Addresses;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of URL import: resolves the host, keeps only the
/// addresses the policy allows, connects, and checks the address actually connected to once more. Every
/// connection goes through here — the first and every redirect's — so decimal, hex, octal and short IPv4
/// spellings, IPv6 forms, DNS names pointing inside and user-info tricks all meet the same check.
/// </summary>
public sealed class GuardedConnector(ImportAddressPolicy policy)
{
    /// <summary>The handler URL import uses: this connector, no proxy (it would hide the address), redirects followed by the importer.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AutomaticDecompression = DecompressionMethods.All,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => policy.IsAllowed(new IPEndPoint(a, port))).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException($"{host} is on this machine or a private network.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            if (socket.RemoteEndPoint is not IPEndPoint remote || !policy.IsAllowed(remote))
            {
                throw new AddressRefusedException($"{host} is on this machine or a private network.");
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
