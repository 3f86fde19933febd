using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace FleetOps.LiveBench;

/// <summary>
/// A crowd of dashboard clients on <c>/hubs/fleet</c> (WebSockets, an administrator's token, so each hears every
/// change), kept open for a bounded time while the ingest load runs (issue 9: with 200 connected dashboards ingest
/// stays within 10 % of its rate with none). Prints how many connected and how many messages they received.
/// </summary>
public static class DashboardCrowd
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var url = new Uri(args.Text("url").TrimEnd('/') + "/hubs/fleet");
        var token = args.Text("api-token");
        var count = args.Int("clients", 200, 1, 5000);
        var seconds = args.Int("seconds", 30, 1, 3600);
        long messages = 0;
        var connections = new List<HubConnection>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(url, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                connection.On<JsonElement>("terminalsChanged", _ => Interlocked.Increment(ref messages));
                await connection.StartAsync();
                connections.Add(connection);
            }
            Console.WriteLine($"dashboards connected {connections.Count}; staying for {seconds} s");
            await Task.Delay(TimeSpan.FromSeconds(seconds));
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
        Console.WriteLine($"RESULT dashboards={connections.Count} messages={Interlocked.Read(ref messages)}");
        return connections.Count == count ? 0 : 1;
    }
}
