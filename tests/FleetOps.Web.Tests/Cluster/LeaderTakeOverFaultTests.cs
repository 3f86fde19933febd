using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Npgsql;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// A PostgreSQL restart under load (pg_ctlcluster … restart) stopped a node: the other node took the lead as the database
/// came back, the first read of its take-over (the alerts, re-read before evaluating) met a session the restart had ended
/// (57P01), the exception left the elected work, and the host stops on a failed background service — ingest, pages and the
/// elected work of that node went with it until someone started it again. Here the same failure, made deterministic: the
/// new leader's read of the alerts waits on a table lock the test holds, and the test ends that session as the restart did.
/// Two node processes, as an operator runs them.
/// </summary>
public sealed class LeaderTakeOverFaultTests : IAsyncLifetime
{
    private const int OfflineAfterSeconds = 3;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly PostgresNodes _cluster = new();
    private NodeProcess _a = null!;
    private NodeProcess _b = null!;

    public async Task InitializeAsync()
    {
        await _cluster.StartAsync(2, new Dictionary<string, string>
        {
            ["FleetOps:Detection:OfflineAfterSeconds"] = OfflineAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FleetOps:Alerts:EvaluateSeconds"] = "0.5",
        });
        (_a, _b) = (_cluster.Nodes[0], _cluster.Nodes[1]); // A migrated and leads
    }

    [PostgresFact]
    public async Task A_node_whose_take_over_read_loses_its_database_session_keeps_running_and_does_the_elected_work()
    {
        using var onA = _a.CreateClient(FleetOpsApp.AdminToken);
        using var onB = _b.CreateClient(FleetOpsApp.AdminToken);
        await Eventually.MatchesAsync(() => LeadsAsync(onA), leads => leads, "node A, started first, to lead");
        var store = Ids.New("S");
        await Expect.StatusAsync(await onA.PostAsJsonAsync("/api/v1/stores", new { code = store, name = "Take-over", region = "East", timeZone = "Asia/Shanghai" }), HttpStatusCode.Created);
        var terminal = Ids.New("T");
        using var registered = await onA.PostAsJsonAsync("/api/v1/terminals", new { terminalId = terminal, storeCode = store, model = "A920", serialNumber = $"SN-{terminal}" });
        await Expect.StatusAsync(registered, HttpStatusCode.Created);
        var key = (await Expect.JsonObjectAsync(registered))["key"]!.GetValue<string>();
        await Eventually.MatchesAsync(async () => (await onB.GetAsync($"/api/v1/terminals/{terminal}")).StatusCode, s => s == HttpStatusCode.OK, "node B to know the terminal");

        await using var holder = new NpgsqlConnection(_cluster.Database.ConnectionString);
        await holder.OpenAsync();
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            await Execute(holder, """LOCK TABLE "Alerts" IN ACCESS EXCLUSIVE MODE""", transaction);
            Assert.Equal(1, await ScalarAsync("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """)); // A's lock session: A stops leading and steps back, B takes the lead and re-reads the alerts
            await Eventually.MatchesAsync(() => ScalarAsync(WaitingOnAlerts("count(*)")), n => n > 0, "node B's take-over to read the alerts", Limit);
            // The terminal's last word: its offline alert is due only once B leads.
            using var terminalClient = _b.CreateClient(key);
            await Expect.StatusAsync(await terminalClient.PostAsync("/api/v1/telemetry",
                new StringContent(Batch(terminal, [Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow)]), System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.OK);
            // What the restart did to that read: its session ended under it.
            Assert.True(await ScalarAsync(WaitingOnAlerts("count(pg_terminate_backend(pid))")) > 0);
            await transaction.RollbackAsync();
        }

        await Eventually.MatchesAsync(() => OfflineAlertsAsync(onB, terminal), open => open == 1, "node B, leading, to open the terminal's offline alert", Limit);
        Assert.True(await LeadsAsync(onB), "node B leads");
        using var ready = await onB.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.DoesNotContain("BackgroundService failed", _b.Output, StringComparison.Ordinal);
    }

    /// <summary>The sessions of this database waiting for the test's lock on the alerts, with <paramref name="what"/> of them.</summary>
    private static string WaitingOnAlerts(string what) =>
        $"""
         SELECT {what} FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock' AND query LIKE '%FROM "Alerts"%'
         """;

    private static async Task Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> LeadsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/v1/node"))!["leads"]!.GetValue<bool>();

    private static async Task<int> OfflineAlertsAsync(HttpClient client, string terminal) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/alerts?kind=offline&terminal={terminal}"))!["total"]!.GetValue<int>();

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
