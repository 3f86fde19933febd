using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>Many requests at once: the event writer commits them in groups, yet each request gets its own answer.</summary>
public sealed class ConcurrentTelemetryTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Concurrent_requests_of_many_terminals_are_each_answered_with_their_own_counts()
    {
        var terminals = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.NewTerminalAsync()));
        var now = DateTimeOffset.UtcNow;

        var requests = terminals.SelectMany(t => Enumerable.Range(0, 5).Select(async r =>
        {
            // Each request: two new events and one that the same terminal's first request also sends.
            var body = await app.PostAcceptedAsync(t.Key, t.TerminalId,
                Heartbeat($"hb-{r}", now.AddSeconds(-30 + r)), Power($"p-{r}", now.AddSeconds(-30 + r), "restored"), Power("shared", now.AddSeconds(-40), "on_battery"));
            return (t.TerminalId, Accepted: body["accepted"]!.GetValue<int>(), Duplicates: body["duplicates"]!.GetValue<int>());
        }));
        var answers = await Task.WhenAll(requests);

        foreach (var group in answers.GroupBy(a => a.TerminalId))
        {
            Assert.Equal(5 * 2 + 1, group.Sum(a => a.Accepted));
            Assert.Equal(5 - 1, group.Sum(a => a.Duplicates));
            Assert.All(group, a => Assert.Equal(3, a.Accepted + a.Duplicates));
            Assert.Equal(11, await app.StoredEventsAsync(group.Key));
        }
    }

    [Fact]
    public async Task Same_event_sent_in_parallel_requests_is_accepted_exactly_once()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var heartbeat = Heartbeat("hb-once", DateTimeOffset.UtcNow.AddSeconds(-2));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.PostAcceptedAsync(key, terminal, (JsonNode)heartbeat)));

        Assert.Equal(1, answers.Sum(a => a["accepted"]!.GetValue<int>()));
        Assert.Equal(9, answers.Sum(a => a["duplicates"]!.GetValue<int>()));
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
    }
}
