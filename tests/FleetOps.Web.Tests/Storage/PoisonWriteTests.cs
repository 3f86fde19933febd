using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Core.Transactions;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// One request whose data the database refuses fails alone: the writer rolls the group commit back and writes the
/// other requests without it, so healthy terminals sharing its commit are stored and answered 200 (issue 8: a NUL on
/// PostgreSQL once failed 697 healthy requests). A trigger stands in for any value that validation cannot foresee.
/// </summary>
public sealed class PoisonWriteTests : IAsyncLifetime
{
    private const int HealthyTerminals = 6;
    private const int RequestsPerTerminal = 50;
    private const string PoisonSale = "000777-0001";

    // The healthy terminals fire all their requests at once; the rate limit is not what this test is about.
    private static readonly Dictionary<string, string?> NoRateLimit = new()
    {
        ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "100000",
        ["FleetOps:RateLimits:TelemetryBurst"] = "100000",
    };

    private readonly PostgresDatabase _postgres = new();

    [Fact]
    public async Task On_sqlite_a_refused_request_fails_alone_while_the_requests_sharing_its_commits_are_stored()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Settings = NoRateLimit });
        await RefusedRequestFailsAloneAsync(app,
            refuse: """
                    CREATE TRIGGER poison BEFORE INSERT ON "TelemetryEvents" WHEN NEW."EventId" = 'poison'
                    BEGIN SELECT RAISE(ABORT, 'poison'); END
                    """,
            accept: "DROP TRIGGER poison");
    }

    [PostgresFact]
    public async Task On_postgres_a_refused_request_fails_alone_while_the_requests_sharing_its_commits_are_stored()
    {
        await using var app = _postgres.Start(NoRateLimit);
        await RefusedRequestFailsAloneAsync(app,
            refuse: """
                    CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poison'; END $$;
                    CREATE TRIGGER poison BEFORE INSERT ON "TelemetryEvents" FOR EACH ROW WHEN (NEW."EventId" = 'poison')
                        EXECUTE FUNCTION refuse_poison();
                    """,
            accept: """DROP TRIGGER poison ON "TelemetryEvents" """);
    }

    [PostgresFact]
    public async Task On_postgres_a_lost_connection_fails_the_waiting_requests_and_the_next_request_reconnects()
    {
        await using var app = _postgres.Start(NoRateLimit);
        var (terminal, key) = await app.NewTerminalAsync();
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-3)));
        // The server drops every other session of the database: the writer's connection is gone (not a refused value).
        await app.ExecuteSqlAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        Npgsql.NpgsqlConnection.ClearAllPools(); // idle pooled connections died too; the writer's own is open, not pooled

        using var lost = await app.PostTelemetryAsync(key, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow.AddSeconds(-2)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        var resent = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow.AddSeconds(-2)));
        Assert.Equal(1, resent["accepted"]!.GetValue<int>());
        Assert.Equal(2, await app.StoredEventsAsync(terminal));
    }

    private static async Task RefusedRequestFailsAloneAsync(FleetOpsApp app, string refuse, string accept)
    {
        var healthy = await Task.WhenAll(Enumerable.Range(0, HealthyTerminals).Select(_ => app.NewTerminalAsync()));
        var (poisoned, poisonKey) = await app.NewTerminalAsync();
        await app.ExecuteSqlAsync(refuse);
        var now = DateTimeOffset.UtcNow;
        // Two good events before the refused one in the same request: a request is stored whole or not at all.
        JsonNode[] poison =
        [
            Heartbeat("beside-poison", now.AddSeconds(-90)),
            Transaction("sale-beside-poison", now.AddSeconds(-80), PoisonSale),
            Power("poison", now.AddSeconds(-70), "lost"),
        ];

        var healthyAnswers = Task.WhenAll(healthy.SelectMany(t => Enumerable.Range(0, RequestsPerTerminal).Select(async r =>
        {
            using var response = await app.PostTelemetryAsync(t.Key, t.TerminalId,
                Heartbeat($"hb-{r}", now.AddSeconds(-120 + r)), Transaction($"tx-{r}", now.AddSeconds(-120 + r), $"000123-{r:D4}"));
            return (t.TerminalId, response.StatusCode, Body: response.IsSuccessStatusCode ? await Expect.JsonObjectAsync(response) : null);
        })));
        // Two terminals' worth of resends, so that some commits hold more than one refused request.
        var poisonAnswers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var statuses = new List<HttpStatusCode>();
            while (!healthyAnswers.IsCompleted)
            {
                using var response = await app.PostTelemetryAsync(poisonKey, poisoned, poison);
                statuses.Add(response.StatusCode);
            }
            return statuses;
        }));

        foreach (var (terminal, status, body) in await healthyAnswers)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(2, body!["accepted"]!.GetValue<int>());
        }
        foreach (var (terminal, _) in healthy)
        {
            Assert.Equal(2 * RequestsPerTerminal, await app.StoredEventsAsync(terminal));
            Assert.Equal(RequestsPerTerminal, await app.RowsAsync("Transactions", terminal));
            Assert.Equal("online", Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]));
        }
        var refused = poisonAnswers.SelectMany(s => s).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(0, await app.StoredEventsAsync(poisoned));
        Assert.Equal(0, await app.RowsAsync("Transactions", poisoned));
        // Nothing of the rolled-back attempts reached memory either.
        Assert.Equal("unknown", Expect.Wire((await app.GetTerminalAsync(poisoned))["connectivity"]));
        Assert.Null(app.GetService<TransactionBook>().Get(poisoned, PoisonSale));

        await app.ExecuteSqlAsync(accept);
        var resent = await app.PostAcceptedAsync(poisonKey, poisoned, poison);
        Assert.Equal(3, resent["accepted"]!.GetValue<int>());
        Assert.Equal(3, await app.StoredEventsAsync(poisoned));
        Assert.NotNull(app.GetService<TransactionBook>().Get(poisoned, PoisonSale));
    }

    public Task InitializeAsync() => _postgres.CreateAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();
}
