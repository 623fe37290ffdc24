using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Core.Hosting;

/// <summary>Ports on 127.0.0.1 for a server started by a benchmark or a test: never an address outside the machine.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listened on when asked (the system picks it); free, not reserved, so bind it soon.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
