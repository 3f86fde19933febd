using System.Globalization;
using Yarp.ReverseProxy.Configuration;

namespace FleetOps.Balancer;

/// <summary>
/// One listening address in front of several FleetOps nodes. Three things a FleetOps cluster needs from its balancer:
/// <list type="bullet">
/// <item>Session affinity by cookie: a Blazor Server circuit (and a hub connection's negotiate-then-connect) lives on one
/// node, so every request of a browser must reach the node that holds it. The cookie names a node, not a session; if that
/// node is out, the browser is sent to another and its page reconnects there.</item>
/// <item>Active health checks on <c>/health/ready</c> every <see cref="ProbeInterval"/>: after two failed probes in a row a
/// node gets no new requests, so a dead node is out within about three seconds; it is back after one good probe.</item>
/// <item>WebSockets (circuits and hubs): YARP forwards the upgrade as it is.</item>
/// </list>
/// </summary>
public static class BalancerApp
{
    public const string AffinityCookie = "fleetops.node";
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    public const string Usage = "usage: FleetOps.Balancer --listen http://127.0.0.1:PORT --node http://127.0.0.1:PORT1 --node http://127.0.0.1:PORT2 ...";

    public static WebApplication Build(string[] args)
    {
        var (listen, nodes) = Parse(args);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(listen);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Yarp.ReverseProxy.Health", LogLevel.Information); // a node going out or back in
        builder.Services.AddReverseProxy().LoadFromMemory([Route], [Cluster(nodes)]);
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }

    private static RouteConfig Route => new()
    {
        RouteId = "fleetops",
        ClusterId = "nodes",
        Match = new RouteMatch { Path = "{**everything}" },
    };

    private static ClusterConfig Cluster(IReadOnlyList<Uri> nodes) => new()
    {
        ClusterId = "nodes",
        LoadBalancingPolicy = "RoundRobin",
        Destinations = nodes.Select((node, i) => (node, i)).ToDictionary(
            n => "node" + (n.i + 1).ToString(CultureInfo.InvariantCulture),
            n => new DestinationConfig { Address = n.node.ToString() }),
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "Cookie",
            AffinityKeyName = AffinityCookie,
            FailurePolicy = "Redistribute",
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true },
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = ProbeInterval,
                Timeout = TimeSpan.FromSeconds(1),
                Policy = "ConsecutiveFailures",
                Path = "/health/ready",
            },
        },
        Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "2" },
    };

    private static (string Listen, IReadOnlyList<Uri> Nodes) Parse(string[] args)
    {
        string? listen = null;
        var nodes = new List<Uri>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new BalancerUsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--listen": listen = value; break;
                case "--node": nodes.Add(Uri.TryCreate(value, UriKind.Absolute, out var node) ? node : throw new BalancerUsageException($"not an address: {value}")); break;
                default: throw new BalancerUsageException($"unknown option {args[i]}");
            }
            i++;
        }
        if (listen is null) throw new BalancerUsageException("--listen is required");
        if (nodes.Count == 0) throw new BalancerUsageException("at least one --node is required");
        return (listen, nodes);
    }
}
