using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>When a transaction was at risk, looking back: the windows agree with the live rule at every moment.</summary>
public sealed class RiskWindowsTests
{
    private static readonly DateTimeOffset Auth = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly DetectionOptions _options = new(); // 300 s to complete, 26 h to settle, expiry warning after 4 days

    [Fact]
    public void A_sale_reversed_three_hours_after_an_abandoned_authorisation_was_at_risk_from_the_timeout_until_the_reversal()
    {
        var record = Sale.Of(("authorized", Auth), ("reversed", Auth.AddHours(3)));

        var window = Assert.Single(RiskWindows.Of(record, _options));

        Assert.Equal(new RiskWindow(Auth.AddSeconds(300), Auth.AddHours(3)), window);
        Assert.False(RiskWindows.AtRisk(record, Auth.AddSeconds(299), _options));
        Assert.True(RiskWindows.AtRisk(record, Auth.AddSeconds(300), _options));
        Assert.False(RiskWindows.AtRisk(record, Auth.AddHours(3), _options));
    }

    [Fact]
    public void A_sale_completed_and_settled_in_time_was_never_at_risk()
    {
        var record = Sale.Of(("authorized", Auth), ("completed", Auth.AddSeconds(40)), ("settled", Auth.AddHours(14)));

        Assert.Empty(RiskWindows.Of(record, _options));
    }

    [Fact]
    public void A_sale_settled_after_the_limit_was_at_risk_from_the_limit_until_the_settlement()
    {
        var completed = Auth.AddSeconds(40);
        var record = Sale.Of(("authorized", Auth), ("completed", completed), ("settled", completed.AddHours(26 + 48)));

        Assert.Equal([new RiskWindow(completed.AddHours(26), completed.AddHours(74))], RiskWindows.Of(record, _options));
    }

    [Fact]
    public void A_late_completion_makes_a_short_window_before_it_and_none_after_when_settled_in_time()
    {
        var record = Sale.Of(("authorized", Auth), ("completed", Auth.AddMinutes(20)), ("settled", Auth.AddHours(10)));

        Assert.Equal([new RiskWindow(Auth.AddMinutes(5), Auth.AddMinutes(20))], RiskWindows.Of(record, _options));
    }

    [Fact]
    public void An_open_sale_is_still_at_risk()
    {
        var record = Sale.Of(("authorized", Auth), ("completed", Auth.AddSeconds(40)));

        Assert.Equal([new RiskWindow(Auth.AddSeconds(40).AddHours(26), null)], RiskWindows.Of(record, _options));
    }

    [Fact]
    public void A_declined_or_quickly_voided_sale_never_was_at_risk()
    {
        Assert.Empty(RiskWindows.Of(Sale.Of(("authorized", Auth), ("declined", Auth.AddSeconds(2))), _options));
        Assert.Empty(RiskWindows.Of(Sale.Of(("authorized", Auth), ("voided", Auth.AddMinutes(1))), _options));
    }

    [Fact]
    public void Closed_at_is_the_earliest_closing_stage()
    {
        var record = Sale.Of(("authorized", Auth), ("completed", Auth.AddSeconds(40)), ("settled", Auth.AddHours(30)), ("voided", Auth.AddHours(2)));

        Assert.Equal(Auth.AddHours(2), RiskWindows.ClosedAt(record));
        Assert.Null(RiskWindows.ClosedAt(Sale.Of(("authorized", Auth))));
    }

    public static TheoryData<string> Stories => new()
    {
        "authorized",
        "authorized completed",
        "authorized signed completed settled",
        "authorized completed@late settled",
        "authorized completed@very-late",
        "authorized reversed",
        "authorized completed voided",
    };

    /// <summary>Today's point of the chart must equal the KPI: once a record has all its stages, both say the same at every moment.</summary>
    [Theory]
    [MemberData(nameof(Stories))]
    public void The_windows_agree_with_the_live_rule_at_every_moment(string story)
    {
        var record = Sale.Story(story, Auth);
        var last = record.Stages[^1].At;
        for (var at = last; at < Auth.AddDays(7); at = at.AddMinutes(17))
        {
            var live = UnsettledRule.Evaluate(record, [], at, _options).IsUnsettled;
            Assert.True(live == RiskWindows.AtRisk(record, at, _options), $"{story} at {at:u}: the rule says {live}");
        }
    }
}

/// <summary>Records for the tests, built from (stage, time) pairs in the order given.</summary>
internal static class Sale
{
    private static int _ids;

    public static TransactionRecord Of(params (string Stage, DateTimeOffset At)[] stages) => In("T-1", "CNY", 12800, stages);

    public static TransactionRecord In(string terminalId, string currency, long amountMinor, params (string Stage, DateTimeOffset At)[] stages)
    {
        var events = stages.Select(s => new TransactionEvent(
            $"e-{Interlocked.Increment(ref _ids)}", s.At, $"tx-{terminalId}-{stages[0].At.Ticks}", Parse(s.Stage), amountMinor, currency,
            "622848******1234", "A1B2C3", "123456789012", "000123")).ToList();
        return events.Skip(1).Aggregate(TransactionRecord.From(terminalId, events[0]), (r, e) => r.With(e));
    }

    /// <summary>Space-separated stages a minute apart; "@late" is 20 minutes after the previous one, "@very-late" 4.5 days.</summary>
    public static TransactionRecord Story(string story, DateTimeOffset start)
    {
        var at = start;
        var stages = new List<(string, DateTimeOffset)>();
        foreach (var word in story.Split(' '))
        {
            var parts = word.Split('@');
            at = stages.Count == 0 ? at : at + (parts.Length == 1 ? TimeSpan.FromMinutes(1)
                : parts[1] == "late" ? TimeSpan.FromMinutes(20) : TimeSpan.FromDays(4.5));
            stages.Add((parts[0], at));
        }
        return Of(stages.ToArray());
    }

    private static TransactionStage Parse(string wire) =>
        WireNames.TryParse(wire, out TransactionStage stage) ? stage : throw new ArgumentException(wire);
}
