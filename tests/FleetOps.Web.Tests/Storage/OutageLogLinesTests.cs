using System.Net;
using FleetOps.Core.Fleet;
using FleetOps.Web.Background;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// What the log says during ten minutes without the database: one line when it begins, one a minute while it lasts, one
/// when it ends. Before, the listening record logged a warning at each of its tries (every 5 s, 120 in ten minutes) and
/// readiness an error line at every probe (a balancer probes every second or two), burying the line that said why.
/// </summary>
public sealed class OutageLogLinesTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Ten_minutes_without_the_database_give_the_listening_record_one_line_to_begin_one_a_minute_and_one_to_end()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new LogCapture();
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = clock, TestServices = s => s.AddSingleton<ILogEventSink>(log) });
        var fleet = app.GetService<FleetState>();
        await Eventually.TickingAsync(clock, ListeningRecorder.Interval, () => ListeningRows(app) > 0, "the run recorded");

        // Each try to record the run counts itself and fails, as a full disk fails it; the test moves the clock on only
        // once the recorder has tried, so that every 5 s of the outage is one try.
        await ExecuteAsync(app, """
            ALTER TABLE "ListeningRuns" RENAME TO "ListeningRunsAway";
            CREATE TABLE "ListeningRuns" AS SELECT * FROM "ListeningRunsAway";
            CREATE TABLE "Tries" ("At" INTEGER);
            CREATE TRIGGER "FailUpdate" BEFORE UPDATE ON "ListeningRuns" BEGIN INSERT INTO "Tries" VALUES (1); SELECT RAISE(FAIL, 'database or disk is full'); END;
            CREATE TRIGGER "FailInsert" BEFORE INSERT ON "ListeningRuns" BEGIN INSERT INTO "Tries" VALUES (1); SELECT RAISE(FAIL, 'database or disk is full'); END;
            """);
        for (var elapsed = TimeSpan.Zero; elapsed < Outage; elapsed += ListeningRecorder.Interval)
        {
            var tries = Tries(app);
            clock.Advance(ListeningRecorder.Interval);
            await Eventually.MatchesAsync(() => Task.FromResult(Tries(app)), n => n > tries, "the recorder to try again");
        }
        Assert.NotNull(fleet.Listening.PausedSince);
        await ExecuteAsync(app, """
            DROP TABLE "ListeningRuns"; DROP TABLE "Tries";
            ALTER TABLE "ListeningRunsAway" RENAME TO "ListeningRuns";
            """);
        await Eventually.TickingAsync(clock, ListeningRecorder.Interval, () => fleet.Listening.PausedSince is null, "the database reached again");

        var lines = log.From(nameof(ListeningRecorder));
        var text = string.Join('\n', lines.Select(l => $"{l.Level} {l.Message}"));
        Assert.Single(lines, l => l.Level == LogEventLevel.Error && l.Message.StartsWith("The database was last reached at", StringComparison.Ordinal));
        // Each line says why, in the driver's words (not EF's "see the inner exception").
        var lasting = lines.Count(l => l.Message.Contains("still fails since", StringComparison.Ordinal)
            && l.Message.Contains("database or disk is full", StringComparison.Ordinal));
        Assert.True(lasting is >= 9 and <= 10, $"{lasting} lines while it lasted, one a minute expected:\n{text}");
        Assert.Single(lines, l => l.Message.StartsWith("The database is reached again", StringComparison.Ordinal));
        Assert.True(lines.Count <= 12, $"{lines.Count} lines for one outage:\n{text}");
    }

    [Fact]
    public async Task A_readiness_check_failing_for_ten_minutes_under_probes_every_two_seconds_logs_one_line_to_begin_one_a_minute_and_one_to_end()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new LogCapture();
        var healthy = true;
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Clock = clock,
            TestServices = s =>
            {
                s.AddSingleton<ILogEventSink>(log);
                // A check of the node that the test fails and heals (the database's own cannot be failed in process).
                s.AddHealthChecks().AddCheck("disk", () => healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the disk is full"), tags: ["ready"]);
            },
        });
        using var balancer = app.CreateClient();
        await Expect.StatusAsync(await balancer.GetAsync("/health/ready"), HttpStatusCode.OK);

        healthy = false;
        for (var elapsed = TimeSpan.Zero; elapsed < Outage; elapsed += TimeSpan.FromSeconds(2))
        {
            using var probe = await balancer.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
            Assert.Equal("Unhealthy", await probe.Content.ReadAsStringAsync());
            clock.Advance(TimeSpan.FromSeconds(2));
        }
        healthy = true;
        using (var back = await balancer.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
            Assert.Equal("Healthy", await back.Content.ReadAsStringAsync());
        }

        var lines = log.From("DefaultHealthCheckService").Concat(log.From("ReadinessLog")).ToList();
        var text = string.Join('\n', lines.Select(l => $"{l.Level} {l.Message}"));
        Assert.Single(lines, l => l.Level == LogEventLevel.Error && l.Message == "Readiness: disk is Unhealthy: the disk is full; said again once a minute while it lasts");
        var lasting = lines.Count(l => l.Message.StartsWith("Readiness: disk is still Unhealthy since", StringComparison.Ordinal));
        Assert.True(lasting is >= 9 and <= 10, $"{lasting} lines while it lasted, one a minute expected:\n{text}");
        Assert.Single(lines, l => l.Message.StartsWith("Readiness: disk is healthy again, after 600 s", StringComparison.Ordinal));
        Assert.True(lines.Count <= 12, $"{lines.Count} lines for one outage:\n{text}");
    }

    private static int ListeningRows(FleetOpsApp app) => Scalar(app, """SELECT COUNT(*) FROM "ListeningRuns" """);

    private static int Tries(FleetOpsApp app) => Scalar(app, """SELECT COUNT(*) FROM "Tries" """);

    private static int Scalar(FleetOpsApp app, string sql)
    {
        using var connection = new SqliteConnection(app.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(FleetOpsApp app, string sql)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
