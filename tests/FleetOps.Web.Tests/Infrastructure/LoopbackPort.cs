using System.Net;
using System.Net.Sockets;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Ports for servers a test starts as processes of their own, on 127.0.0.1 only.</summary>
public static class LoopbackPort
{
    /// <summary>A port free now (the system picks it; the caller's server binds it a moment later).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
