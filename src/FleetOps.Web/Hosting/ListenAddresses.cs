using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace FleetOps.Web.Hosting;

/// <summary>
/// The addresses Kestrel is to listen on, tried before anything else starts. Kestrel binds last, after the database was
/// migrated, the fleet loaded and every timer started (hosted services start before it): a server whose port was taken
/// (the old version still running, another service) did all that, alerts and notifications included, only to fail.
/// Binding a socket for a moment and closing it is cheap and fails the same way Kestrel's bind would; an address this
/// does not understand is left to Kestrel, whose failure ServerRun reports as well.
/// </summary>
public static class ListenAddresses
{
    private const string KestrelDefault = "http://localhost:5000";

    /// <exception cref="ListenAddressInUseException">Another process listens on one of them.</exception>
    public static void CheckFree(IConfiguration configuration)
    {
        foreach (var address in Configured(configuration))
        {
            foreach (var endPoint in EndPoints(address))
            {
                try
                {
                    using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    if (endPoint.Address.Equals(IPAddress.IPv6Any)) socket.DualMode = true; // as Kestrel binds "*"
                    socket.Bind(endPoint);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
                {
                    throw new ListenAddressInUseException(address, ex);
                }
                catch (SocketException)
                {
                    // Not ours to judge (an address of another machine, no IPv6): Kestrel says what it makes of it.
                }
            }
        }
    }

    /// <summary>Kestrel's endpoints from configuration replace --urls (it warns so); without either it listens on its default.</summary>
    private static List<string> Configured(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0) return endpoints;
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        urls.AddRange(Ports(configuration["http_ports"], "http"));
        urls.AddRange(Ports(configuration["https_ports"], "https"));
        return urls.Count > 0 ? urls : [KestrelDefault];
    }

    private static IEnumerable<string> Ports(string? ports, string scheme) =>
        (ports ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => $"{scheme}://*:{p}");

    private static IEnumerable<IPEndPoint> EndPoints(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            yield break; // Kestrel refuses it in its own words
        }
        if (parsed.IsUnixPipe || parsed.IsNamedPipe || parsed.Port == 0) yield break; // no port to be taken, or any free one
        if (string.Equals(parsed.Host, "localhost", StringComparison.OrdinalIgnoreCase)) yield return new IPEndPoint(IPAddress.Loopback, parsed.Port);
        else if (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var ip)) yield return new IPEndPoint(ip, parsed.Port);
        // "*", "+", "0.0.0.0"-like names and host names: Kestrel listens on every interface.
        else yield return new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, parsed.Port);
    }
}
