using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

public class EventParserValidEventTests
{
    [Fact]
    public void Protocol_example_heartbeat_parses_with_all_its_facts()
    {
        var outcome = Parse(Heartbeat());

        Assert.Null(outcome.Error);
        Assert.Equal("e-1", outcome.Id);
        var heartbeat = Assert.IsType<HeartbeatEvent>(outcome.Event);
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T00:00:00Z"), heartbeat.At);
        Assert.Equal(TimeSpan.FromHours(8), heartbeat.At.Offset);
        Assert.Equal("b-17", heartbeat.BootId);
        Assert.Equal(3600, heartbeat.UptimeSeconds);
        Assert.Equal("3.2.1", heartbeat.AppVersion);
        Assert.Equal("1.8.0", heartbeat.FirmwareVersion);
        Assert.Equal(PowerSource.Mains, heartbeat.PowerSource);
        Assert.Equal(95, heartbeat.BatteryPercent);
        Assert.Equal(0, heartbeat.PendingReversals);
        Assert.Equal(12, heartbeat.OpenBatchCount);
        Assert.Equal(153400, heartbeat.OpenBatchAmountMinor);
        Assert.Equal("CNY", heartbeat.Currency);
    }

    [Fact]
    public void Heartbeat_without_optional_fields_parses_with_them_empty()
    {
        var e = Heartbeat().Without("batteryPercent").Without("pendingReversals").Without("openBatchCount")
            .Without("openBatchAmountMinor").Without("currency").With("powerSource", "battery");

        var heartbeat = Assert.IsType<HeartbeatEvent>(Parse(e).Event);

        Assert.Equal(PowerSource.Battery, heartbeat.PowerSource);
        Assert.Null(heartbeat.BatteryPercent);
        Assert.Null(heartbeat.PendingReversals);
        Assert.Null(heartbeat.OpenBatchCount);
        Assert.Null(heartbeat.OpenBatchAmountMinor);
        Assert.Null(heartbeat.Currency);
    }

    [Theory]
    [InlineData("lost", PowerState.Lost)]
    [InlineData("restored", PowerState.Restored)]
    [InlineData("on_battery", PowerState.OnBattery)]
    [InlineData("low_battery", PowerState.LowBattery)]
    [InlineData("brownout", PowerState.Brownout)]
    [InlineData("shutdown", PowerState.Shutdown)]
    public void Every_power_state_of_the_protocol_parses(string wire, PowerState expected)
    {
        var power = Assert.IsType<PowerEvent>(Parse(Power(state: wire)).Event);

        Assert.Equal(expected, power.State);
        Assert.Equal(wire, power.Detail);
    }

    [Fact]
    public void Power_event_keeps_its_optional_battery_percent()
    {
        var power = Assert.IsType<PowerEvent>(Parse(Power(state: "low_battery").With("batteryPercent", 7)).Event);

        Assert.Equal(7, power.BatteryPercent);
    }

    [Fact]
    public void Protocol_example_transaction_parses_with_all_its_facts()
    {
        var outcome = Parse(Transaction());

        Assert.Null(outcome.Error);
        var transaction = Assert.IsType<TransactionEvent>(outcome.Event);
        Assert.Equal("000123-0042", transaction.TransactionId);
        Assert.Equal(TransactionStage.Authorized, transaction.Stage);
        Assert.Equal(12800, transaction.AmountMinor);
        Assert.Equal("CNY", transaction.Currency);
        Assert.Equal("622848******1234", transaction.MaskedPan);
        Assert.Equal("A1B2C3", transaction.AuthCode);
        Assert.Equal("123456789012", transaction.Rrn);
        Assert.Equal("000123", transaction.BatchNumber);
    }

    [Theory]
    [InlineData("authorized", TransactionStage.Authorized)]
    [InlineData("signed", TransactionStage.Signed)]
    [InlineData("completed", TransactionStage.Completed)]
    [InlineData("voided", TransactionStage.Voided)]
    [InlineData("reversed", TransactionStage.Reversed)]
    [InlineData("declined", TransactionStage.Declined)]
    [InlineData("settled", TransactionStage.Settled)]
    public void Every_transaction_stage_of_the_protocol_parses(string wire, TransactionStage expected)
    {
        var transaction = Assert.IsType<TransactionEvent>(Parse(Transaction().With("stage", wire)).Event);

        Assert.Equal(expected, transaction.Stage);
    }

    [Fact]
    public void Transaction_without_optional_card_fields_parses()
    {
        var e = Transaction().Without("maskedPan").Without("authCode").Without("rrn").Without("batchNumber");

        var transaction = Assert.IsType<TransactionEvent>(Parse(e).Event);

        Assert.Null(transaction.MaskedPan);
        Assert.Null(transaction.AuthCode);
        Assert.Null(transaction.Rrn);
        Assert.Null(transaction.BatchNumber);
    }

    [Theory]
    [InlineData("2026-11-25T00:00:00Z")]
    [InlineData("2026-11-25T00:00:00.123Z")]
    [InlineData("2026-11-24T19:00:00-05:00")]
    public void At_in_any_offset_is_read_as_the_same_instant(string at)
    {
        var e = Assert.IsType<HeartbeatEvent>(Parse(Heartbeat().With("at", at)).Event);

        Assert.Equal(ServerNow, e.At.AddTicks(-(e.At.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("A-Z.a_z:0-9")]
    public void Event_id_of_allowed_characters_is_accepted(string id)
    {
        Assert.Null(Parse(Heartbeat(id)).Error);
    }

    [Fact]
    public void Event_id_of_exactly_64_characters_is_accepted()
    {
        var id = new string('x', 64);

        Assert.Equal(id, Parse(Heartbeat(id)).Id);
    }

    [Fact]
    public void At_four_minutes_ahead_of_the_server_clock_is_accepted()
    {
        var at = ServerNow.AddMinutes(4).ToString("yyyy-MM-ddTHH:mm:sszzz");

        Assert.Null(Parse(Heartbeat().With("at", at)).Error);
    }

    [Fact]
    public void At_exactly_five_minutes_ahead_is_still_accepted()
    {
        var at = ServerNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:sszzz");

        Assert.Null(Parse(Heartbeat().With("at", at)).Error);
    }

    [Fact]
    public void At_days_in_the_past_is_accepted_as_a_late_backlog()
    {
        var at = ServerNow.AddDays(-3).ToString("yyyy-MM-ddTHH:mm:sszzz");

        Assert.Null(Parse(Power().With("at", at)).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Battery_percent_at_the_bounds_is_accepted(int percent)
    {
        Assert.Null(Parse(Heartbeat().With("batteryPercent", percent)).Error);
    }

    [Fact]
    public void Amount_of_one_minor_unit_is_accepted()
    {
        Assert.Null(Parse(Transaction().With("amountMinor", 1)).Error);
    }

    /// <summary>Fields are found by their unescaped names (the parser reads each event's names once and looks fields up there).</summary>
    [Fact]
    public void Escaped_field_names_are_read()
    {
        var json = Heartbeat("e-9").ToJsonString()
            .Replace("\"bootId\"", "\"\\u0062ootId\"")
            .Replace("\"id\":\"e-9\"", "\"\\u0069d\":\"e-9\"");
        var body = $"{{\"terminalId\":\"T-0001\",\"events\":[{json}]}}";

        var outcome = Assert.Single(ParseBatch(body, out _)!.Events);

        Assert.Null(outcome.Error);
        Assert.Equal("e-9", outcome.Id);
        Assert.Equal("b-17", Assert.IsType<HeartbeatEvent>(outcome.Event).BootId);
    }

    /// <summary>
    /// A field sent twice once counted with its last value (System.Text.Json's lookup) while other readers may take the
    /// first; spelled once plainly and once escaped it is the same field, and the event is refused either way.
    /// </summary>
    [Fact]
    public void A_field_sent_twice_even_once_escaped_rejects_the_event()
    {
        var json = Heartbeat("e-9").ToJsonString()[..^1] + ",\"\\u0061ppVersion\":\"9.9.9\"}";
        var body = $"{{\"terminalId\":\"T-0001\",\"events\":[{json}]}}";

        var outcome = Assert.Single(ParseBatch(body, out _)!.Events);

        Assert.Null(outcome.Event);
        Assert.Equal("'appVersion' is given twice in the event; give each field once.", outcome.Error);
    }
}
