using FleetOps.Core.Detection;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// The money-at-risk history against a real SQLite file: the candidate query finds exactly the closed sales that may have
/// been at risk, and a restarted app (whose book no longer holds them) charts the same days from the database.
/// Times are counted from midnight UTC today, and the trend is cut at midnight UTC, so the expected days do not depend
/// on when the test runs.
/// </summary>
public sealed class MoneyAtRiskHistoryTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task Closed_sales_that_were_at_risk_are_found_by_the_columns_and_charted_again_after_a_restart()
    {
        var clock = new FakeTimeProvider(UnsettledClockApp.WholeSecond(DateTimeOffset.UtcNow));
        var now = clock.GetUtcNow();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        string store;
        string[] candidates;
        long[] before;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock, Settings = UnsettledClockApp.ProductionDetection,
        }))
        {
            store = await first.CreateStoreAsync(Ids.New("S"));
            var till = await Till.OpenAsync(first, store);
            await till.SendAsync(
                // Due 26 h after completion (day -3, 03:00), settled on day -1 at 01:00: at risk at the end of days -3 and -2.
                Sale("late:a", midnight.AddDays(-4).AddHours(1), "late", "authorized", 30000),
                Sale("late:c", midnight.AddDays(-4).AddHours(1).AddSeconds(40), "late", "completed", 30000),
                Sale("late:s", midnight.AddDays(-1).AddHours(1), "late", "settled", 30000),
                // Abandoned at 23:00 on day -3, reversed three hours later: at risk at the end of day -3.
                Sale("rev:a", midnight.AddDays(-2).AddHours(-1), "reversed", "authorized", 700),
                Sale("rev:r", midnight.AddDays(-2).AddHours(2), "reversed", "reversed", 700),
                // Settled in time, declined at once, voided within the settle limit: never at risk.
                Sale("ok:a", midnight.AddDays(-3).AddHours(1), "in-time", "authorized", 111),
                Sale("ok:c", midnight.AddDays(-3).AddHours(1).AddSeconds(40), "in-time", "completed", 111),
                Sale("ok:s", midnight.AddDays(-3).AddHours(11), "in-time", "settled", 111),
                Sale("dec:a", midnight.AddDays(-2).AddHours(9), "declined", "authorized", 222),
                Sale("dec:d", midnight.AddDays(-2).AddHours(9).AddSeconds(2), "declined", "declined", 222),
                Sale("void:a", midnight.AddDays(-2).AddHours(10), "voided", "authorized", 333),
                Sale("void:c", midnight.AddDays(-2).AddHours(10).AddSeconds(30), "voided", "completed", 333),
                Sale("void:v", midnight.AddDays(-2).AddHours(11), "voided", "voided", 333),
                // At risk, but closed long before the window.
                Sale("old:a", midnight.AddDays(-40), "old", "authorized", 444),
                Sale("old:r", midnight.AddDays(-40).AddHours(3), "old", "reversed", 444));
            // Still open (in the book): due on day -1 at 04:00, at risk at its end and now.
            var open = await Till.OpenAsync(first, store);
            await open.SendAsync(
                Sale("open:a", midnight.AddDays(-2).AddHours(2), "open", "authorized", 5),
                Sale("open:c", midnight.AddDays(-2).AddHours(2).AddSeconds(40), "open", "completed", 5));

            await using (var db = first.GetService<FleetDbContextFactory>().CreateDbContext())
            {
                var found = new List<string>();
                await foreach (var (record, _) in AtRiskCandidates.ClosedSinceAsync(db, now.AddDays(-31), first.GetService<DetectionOptions>(), default))
                {
                    found.Add(record.TransactionId);
                }
                candidates = [.. found.Order(StringComparer.Ordinal)];
            }
            // Before any reload: the closed ones came from the book as they closed.
            before = LastFiveDays(first.GetService<MoneyAtRiskHistory>(), store);
        }

        // The voided sale passes the columns (open an hour) and is dropped once its record is read; the in-time,
        // declined, old and open ones are not read at all.
        Assert.Equal(["late", "reversed", "voided"], candidates);
        long[] expected = [0, 30700, 30000, 5, 5];
        Assert.Equal(expected, before);

        _second = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, Clock = new FakeTimeProvider(now.AddSeconds(5)), Settings = UnsettledClockApp.ProductionDetection,
        });
        var history = _second.GetService<MoneyAtRiskHistory>();
        var after = await Eventually.MatchesAsync(() => Task.FromResult(LastFiveDays(history, store)), t => t.SequenceEqual(expected),
            "the restarted app to load the closed sales from the database");
        Assert.Equal(expected, after);
        Assert.Equal(2, await history.RefreshAsync(default));
    }

    /// <summary>The CNY amounts at risk in the store at the end of days -4 to -1 (UTC) and now.</summary>
    private static long[] LastFiveDays(MoneyAtRiskHistory history, string store)
    {
        var trend = history.Trend(new HashSet<string>([store], StringComparer.OrdinalIgnoreCase), TimeZoneInfo.Utc);
        return trend.Currencies.SingleOrDefault(c => c.Currency == "CNY")?.AmountMinor.TakeLast(5).ToArray() ?? [];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
