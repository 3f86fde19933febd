using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

/// <summary>Limits with reasons (issue 8): amounts, uptime, and how old an event may be.</summary>
public class EventLimitsTests
{
    private static string Rfc3339(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Amount_of_ten_to_the_twelfth_is_accepted_and_one_more_is_rejected_with_the_reason()
    {
        Assert.Null(Parse(Transaction().With("amountMinor", EventParser.MaxAmountMinor)).Error);

        var error = Parse(Transaction().With("amountMinor", EventParser.MaxAmountMinor + 1)).Error;

        Assert.Contains("'amountMinor' must be between 1 and 1000000000000", error);
        Assert.Contains("overflow", error);
    }

    [Fact]
    public void Amount_of_long_max_is_rejected()
    {
        Assert.Contains("'amountMinor'", Parse(Transaction().With("amountMinor", long.MaxValue)).Error);
    }

    [Fact]
    public void Open_batch_amount_above_ten_to_the_twelfth_is_rejected()
    {
        Assert.Contains("'openBatchAmountMinor'", Parse(Heartbeat().With("openBatchAmountMinor", EventParser.MaxAmountMinor + 1)).Error);
    }

    [Fact]
    public void Uptime_of_more_than_twenty_years_is_rejected()
    {
        Assert.Null(Parse(Heartbeat().With("uptimeSeconds", EventParser.MaxUptimeSeconds)).Error);

        Assert.Contains("20 years", Parse(Heartbeat().With("uptimeSeconds", EventParser.MaxUptimeSeconds + 1)).Error);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    public void Event_from_a_broken_clock_is_rejected(string at)
    {
        Assert.Contains("maximum event age", Parse(Power().With("at", at)).Error);
    }

    [Fact]
    public void Event_older_than_the_maximum_age_is_rejected_and_one_just_younger_is_kept()
    {
        var limit = ServerNow - EventLimits.Default.MaxEventAge;

        Assert.Null(Parse(Transaction().With("at", Rfc3339(limit.AddMinutes(1)))).Error);
        Assert.Contains("60-day maximum event age", Parse(Transaction().With("at", Rfc3339(limit.AddMinutes(-1)))).Error);
    }

    [Fact]
    public void Heartbeat_older_than_the_retention_window_is_rejected_but_a_power_event_of_that_age_is_kept()
    {
        var eightDaysAgo = Rfc3339(ServerNow.AddDays(-8));

        Assert.Contains("168-hour heartbeat retention window", Parse(Heartbeat().With("at", eightDaysAgo)).Error);
        Assert.Null(Parse(Power().With("at", eightDaysAgo)).Error);
    }

    [Fact]
    public void Parser_and_sweep_share_the_heartbeat_cutoff()
    {
        var cutoff = EventLimits.HeartbeatCutoff(ServerNow, EventLimits.DefaultHeartbeatRetentionHours);

        Assert.Null(Parse(Heartbeat().With("at", Rfc3339(cutoff.AddSeconds(1)))).Error);
        Assert.NotNull(Parse(Heartbeat().With("at", Rfc3339(cutoff.AddSeconds(-1)))).Error);
    }
}
