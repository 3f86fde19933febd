using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Hosting;
using FleetOps.Web.Tests.Infrastructure;
using Npgsql;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>Runs only where <c>FLEETOPS_TEST_POSTGRES</c> names a server (scripts/test.sh starts one when the machine has it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "FLEETOPS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to a PostgreSQL connection string to run the PostgreSQL provider tests.";
        }
    }
}

/// <summary>
/// The same contract on PostgreSQL: its own migrations apply at start-up on an empty database, the event writer's
/// SQL (ON CONFLICT DO NOTHING) works there, and a restart rebuilds the same fleet state.
/// </summary>
public sealed class PostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    private FleetOpsApp Start() => _database.Start();

    [PostgresFact]
    public async Task Migrates_an_empty_database_ingests_idempotently_and_survives_a_restart()
    {
        var now = DateTimeOffset.UtcNow;
        string terminal;
        await using (var first = Start())
        {
            (terminal, var key) = await first.NewTerminalAsync(await first.CreateStoreAsync(Ids.New("S")));
            var events = new[]
            {
                Heartbeat("hb-1", now.AddMinutes(-2), bootId: "boot-A", appVersion: "3.2.0"),
                Heartbeat("hb-2", now.AddMinutes(-1), bootId: "boot-B", appVersion: "3.3.0"),
                Transaction("tx-1", now.AddSeconds(-30)),
            };
            var answer = await first.PostAcceptedAsync(key, terminal, events);
            Assert.Equal(3, answer["accepted"]!.GetValue<int>());
            var again = await first.PostAcceptedAsync(key, terminal, events);
            Assert.Equal(0, again["accepted"]!.GetValue<int>());
            Assert.Equal(3, again["duplicates"]!.GetValue<int>());
        }

        await using var second = Start();
        var state = await second.GetTerminalAsync(terminal);
        Assert.Equal("online", state["connectivity"]!.GetValue<string>());
        Assert.Equal("3.3.0", state["appVersion"]!.GetValue<string>());
        Assert.Equal(1, state["power"]!["lossesInWindow"]!.GetValue<int>()); // boot-A → boot-B without a shutdown
        Assert.Equal(3L, await CountEventsAsync(terminal));
    }

    [PostgresFact]
    public async Task Data_protection_keys_are_kept_encrypted_in_PostgreSQL_so_a_cookie_survives_a_restart()
    {
        string cookie;
        IReadOnlyList<string> keysBefore;
        await using (var first = Start())
        {
            cookie = await first.SignedInCookieAsync(await first.CreateUserAsync(Roles.Technician));
            keysBefore = await DataProtectionKeyTests.KeysAsync(first);
            DataProtectionKeyTests.AssertEncryptedWith(first.GetService<KeyCertificate>().Certificate, keysBefore);
        }

        await using var second = Start();

        await Expect.StatusAsync(await DataProtectionKeyTests.GetWithCookieAsync(second, cookie), HttpStatusCode.OK);
        Assert.Equal(keysBefore, await DataProtectionKeyTests.KeysAsync(second));
    }

    [PostgresFact]
    public async Task Cookie_sessions_are_checked_against_the_security_stamp_so_sign_out_ends_a_copy_of_the_cookie()
    {
        await using var app = Start();
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();
        using var signedIn = await browser.PostSignInAsync(user.Email, user.Password);
        using var copy = app.CreateCookieCopy(signedIn);
        await Expect.StatusAsync(await copy.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        using var _ = await browser.PostFormAsync("/account/signout", "/account/signout", []);

        await Expect.StatusAsync(await copy.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
    }

    [PostgresFact]
    public async Task Nul_in_one_terminals_event_is_that_events_rejection_and_healthy_terminals_sharing_its_commits_all_get_200()
    {
        await using var app = Start();
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (bad, badKey) = await app.NewTerminalAsync(store);
        var healthy = new List<(string Id, string Key)>();
        for (var i = 0; i < 4; i++) healthy.Add(await app.NewTerminalAsync(store));
        var now = DateTimeOffset.UtcNow;

        // PostgreSQL cannot store NUL in text: before issue 8 this poisoned every group commit it shared.
        var poisoned = Enumerable.Range(0, 20).Select(async n =>
        {
            var heartbeat = Heartbeat($"hb-nul-{n}", now.AddSeconds(-30 + n));
            heartbeat["bootId"] = "boot\0A";
            var answer = await app.PostAcceptedAsync(badKey, bad, heartbeat, Power($"p-{n}", now.AddSeconds(-30 + n), "restored"));
            Assert.Equal(1, answer["accepted"]!.GetValue<int>() + answer["duplicates"]!.GetValue<int>());
            Assert.Contains("control character", Expect.Wire(Assert.Single(answer["rejected"]!.AsArray())!["error"]));
        });
        var fine = healthy.SelectMany(t => Enumerable.Range(0, 20).Select(n =>
            app.PostAcceptedAsync(t.Key, t.Id, Heartbeat($"hb-{n}", now.AddSeconds(-30 + n)))));
        await Task.WhenAll(poisoned.Concat(fine));

        Assert.Equal(20L, await CountEventsAsync(bad)); // the power events, not one heartbeat
        foreach (var (id, _) in healthy) Assert.Equal(20L, await CountEventsAsync(id));
    }

    private async Task<long> CountEventsAsync(string terminal)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        // Heartbeats are counted in their hour roll-ups, power and transaction events are rows.
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "TelemetryEvents" WHERE "TerminalId" = @t)
                 + (SELECT COALESCE(SUM("Count"), 0) FROM "HeartbeatHours" WHERE "TerminalId" = @t)
            """, connection);
        command.Parameters.AddWithValue("t", terminal);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
