using System.Diagnostics;
using System.Net;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// What a node of a cluster writes to its log while PostgreSQL is away. The change follower reads every second and the
/// election tries its lock every retry period; each failure was logged — the lock's with the driver's stack trace — so a
/// 30 s restart wrote some 700 lines per node and buried the few that said what happened. Now each says so when it
/// begins, once a minute while it lasts and when it ends. A node process, as an operator runs it, and its log file.
/// </summary>
public sealed class DatabaseOutageLogTests : IAsyncLifetime
{
    /// <summary>How long the database stays away: many tries of each loop (the follower's every second, the lock's too here).</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    private readonly PostgresNodes _cluster = new();

    public Task InitializeAsync() => _cluster.StartAsync(1);

    [PostgresFact]
    public async Task A_database_away_for_seconds_is_said_in_a_few_lines_not_once_a_second_by_each_loop()
    {
        using var client = _cluster.Nodes[0].CreateClient();
        await _cluster.Database.CloseAsync();
        try
        {
            // Away for as long as readiness says so without a break: each loop has failed many times by then.
            var unready = Stopwatch.StartNew();
            await Eventually.MatchesAsync(async () =>
            {
                if (await ReadyAsync(client)) unready.Restart();
                return unready.Elapsed;
            }, away => away >= Outage, $"the node to be unready for {Outage.TotalSeconds} s", Outage * 3);
        }
        finally
        {
            await _cluster.Database.ReopenAsync();
        }
        await Eventually.MatchesAsync(() => ReadyAsync(client), ready => ready, "the node to be ready again", TimeSpan.FromSeconds(30));

        var log = _cluster.LogLines();
        Assert.True(Count(log, "Reading other nodes' changes") <= 2, Excerpt(log, "Reading other nodes' changes"));
        Assert.True(Count(log, "the leadership lock") <= 3, Excerpt(log, "the leadership lock"));
        Assert.Contains(log, line => line.Contains("Could not try the leadership lock (", StringComparison.Ordinal));
    }

    private static int Count(string[] log, string what) => log.Count(line => line.Contains(what, StringComparison.Ordinal));

    private static string Excerpt(string[] log, string what) =>
        $"{Count(log, what)} lines about \"{what}\":\n" + string.Join('\n', log.Where(line => line.Contains(what, StringComparison.Ordinal)).Take(12));

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
