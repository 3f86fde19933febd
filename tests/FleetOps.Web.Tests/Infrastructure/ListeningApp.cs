using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>A <see cref="FleetOpsApp"/> on a real 127.0.0.1 port (Kestrel), for clients that are not the test server's: a balancer.</summary>
public sealed class ListeningApp : FleetOpsApp
{
    public ListeningApp() : base(new FleetOpsAppOptions()) => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/ (set by <see cref="Start"/>).</summary>
    public Uri Address { get; private set; } = null!;

    public ListeningApp Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Address = new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        return this;
    }
}
