using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// A bounded telemetry load as terminals send it: every terminal posts one sale (an authorised transaction with an id of
/// its own) at a time, and resends the same event, as a terminal's store-and-forward queue does, until the server answers
/// 200 — a refused connection, a 502 from the balancer or a 503 all mean "not taken". Only events answered 200 are
/// <see cref="Acknowledged"/>: those are the ones the cluster promised to keep.
/// </summary>
public sealed class AcknowledgedLoad(Uri address, IReadOnlyList<(string TerminalId, string Key)> terminals)
{
    private static readonly TimeSpan PauseLength = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentBag<(string TransactionId, DateTimeOffset AcknowledgedAt)> _acknowledged = [];

    /// <summary>The sales the server answered 200 for, with when the answer came.</summary>
    public IReadOnlyCollection<(string TransactionId, DateTimeOffset AcknowledgedAt)> Acknowledged => _acknowledged;

    /// <summary>How many sales were acknowledged after <paramref name="since"/>.</summary>
    public int AcknowledgedAfter(DateTimeOffset since) => _acknowledged.Count(a => a.AcknowledgedAt > since);

    /// <summary>Sends until <paramref name="stop"/> is cancelled; an event still unanswered then is simply not counted.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Task.WhenAll(terminals.Select(t => TerminalAsync(client, t.TerminalId, t.Key, stop)));
    }

    private async Task TerminalAsync(HttpClient client, string terminalId, string key, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var sale = $"{terminalId}-s{n}";
            var body = Batch(terminalId, [Transaction($"ev-{sale}", DateTimeOffset.UtcNow, transactionId: sale)]);
            while (!stop.IsCancellationRequested)
            {
                if (await SendAsync(client, key, body))
                {
                    _acknowledged.Add((sale, DateTimeOffset.UtcNow));
                    break;
                }
                await Pause(stop); // not taken: the terminal tries the same event again
            }
            await Pause(stop);
        }
    }

    private static Task Pause(CancellationToken stop) => Task.Delay(PauseLength, stop).ContinueWith(_ => { }, TaskScheduler.Default);

    private static async Task<bool> SendAsync(HttpClient client, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
