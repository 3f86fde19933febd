using System.Text.Json.Nodes;
using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

/// <summary>Each invalid field refuses only its own event, and says which field is wrong.</summary>
public class EventParserFieldRejectionTests
{
    private static EventOutcome RejectedAlone(JsonNode suspect)
    {
        var batch = ParseBetweenValidEvents(suspect);

        Assert.Equal(["ok-1", "ok-2"], batch.Valid.Select(e => e.Id));
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(1, rejected.Index);
        Assert.Null(rejected.Event);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Error));
        return rejected;
    }

    [Theory]
    [InlineData("heartbeat", "id")]
    [InlineData("heartbeat", "type")]
    [InlineData("heartbeat", "at")]
    [InlineData("heartbeat", "bootId")]
    [InlineData("heartbeat", "uptimeSeconds")]
    [InlineData("heartbeat", "appVersion")]
    [InlineData("heartbeat", "firmwareVersion")]
    [InlineData("heartbeat", "powerSource")]
    [InlineData("power", "state")]
    [InlineData("transaction", "transactionId")]
    [InlineData("transaction", "stage")]
    [InlineData("transaction", "amountMinor")]
    [InlineData("transaction", "currency")]
    public void Missing_required_field_rejects_only_that_event_naming_the_field(string type, string field)
    {
        var rejected = RejectedAlone(OfType(type, "bad").Without(field));

        Assert.Contains($"'{field}'", rejected.Error);
    }

    [Theory]
    [InlineData("heartbeat", "id", "17")]
    [InlineData("heartbeat", "type", "1")]
    [InlineData("heartbeat", "at", "1764028800")]
    [InlineData("heartbeat", "bootId", "17")]
    [InlineData("heartbeat", "bootId", "null")]
    [InlineData("heartbeat", "uptimeSeconds", "\"3600\"")]
    [InlineData("heartbeat", "uptimeSeconds", "3600.5")]
    [InlineData("heartbeat", "appVersion", "3.2")]
    [InlineData("heartbeat", "firmwareVersion", "true")]
    [InlineData("heartbeat", "powerSource", "[\"mains\"]")]
    [InlineData("heartbeat", "batteryPercent", "\"95\"")]
    [InlineData("heartbeat", "openBatchAmountMinor", "\"153400\"")]
    [InlineData("heartbeat", "currency", "156")]
    [InlineData("power", "state", "false")]
    [InlineData("transaction", "transactionId", "42")]
    [InlineData("transaction", "stage", "{}")]
    [InlineData("transaction", "amountMinor", "\"12800\"")]
    [InlineData("transaction", "amountMinor", "128.5")]
    [InlineData("transaction", "authCode", "123456")]
    public void Wrong_typed_field_rejects_only_that_event_naming_the_field(string type, string field, string json)
    {
        var rejected = RejectedAlone(OfType(type, "bad").With(field, JsonNode.Parse(json)));

        Assert.Contains($"'{field}'", rejected.Error);
    }

    [Fact]
    public void Event_that_is_not_an_object_is_rejected_alone()
    {
        var rejected = RejectedAlone(JsonValue.Create("heartbeat"));

        Assert.Contains("JSON object", rejected.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("e 1")]
    [InlineData("e/1")]
    [InlineData("é-1")]
    [InlineData("e-1;drop")]
    public void Event_id_with_characters_outside_the_protocol_set_is_rejected(string id)
    {
        var rejected = RejectedAlone(Heartbeat(id));

        Assert.Contains("'id'", rejected.Error);
    }

    [Fact]
    public void Event_id_longer_than_64_characters_is_rejected_and_not_echoed()
    {
        var rejected = RejectedAlone(Heartbeat(new string('x', 65)));

        Assert.Contains("1–64", rejected.Error);
        Assert.Null(rejected.Id);
    }

    [Fact]
    public void Rejected_event_with_a_readable_id_reports_that_id()
    {
        var rejected = RejectedAlone(Heartbeat("bad").Without("bootId"));

        Assert.Equal("bad", rejected.Id);
    }

    [Theory]
    [InlineData("type", "alarm")]
    [InlineData("type", "Heartbeat")]
    [InlineData("powerSource", "solar")]
    public void Unknown_heartbeat_enumeration_value_is_rejected_listing_the_field(string field, string value)
    {
        var rejected = RejectedAlone(Heartbeat("bad").With(field, value));

        Assert.Contains($"'{field}'", rejected.Error);
    }

    [Fact]
    public void Unknown_power_state_is_rejected_listing_the_allowed_states()
    {
        var rejected = RejectedAlone(Power("bad", "flicker"));

        Assert.Contains("'state'", rejected.Error);
        Assert.Contains("on_battery", rejected.Error);
        Assert.Contains("shutdown", rejected.Error);
    }

    [Fact]
    public void Unknown_transaction_stage_is_rejected_listing_the_allowed_stages()
    {
        var rejected = RejectedAlone(Transaction("bad").With("stage", "refunded"));

        Assert.Contains("'stage'", rejected.Error);
        Assert.Contains("settled", rejected.Error);
    }

    [Theory]
    [InlineData("2026-11-25T08:00:00")]
    [InlineData("2026-11-25 08:00")]
    [InlineData("2026-11-25")]
    [InlineData("25.11.2026 08:00")]
    [InlineData("2026-13-45T08:00:00+08:00")]
    [InlineData("yesterday")]
    public void At_without_an_offset_or_not_rfc3339_is_rejected(string at)
    {
        var rejected = RejectedAlone(Heartbeat("bad").With("at", at));

        Assert.Contains("'at'", rejected.Error);
        Assert.Contains("offset", rejected.Error);
    }

    [Fact]
    public void At_more_than_five_minutes_ahead_of_the_server_clock_is_rejected()
    {
        var at = ServerNow.AddMinutes(5).AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:sszzz");

        var rejected = RejectedAlone(Power("bad").With("at", at));

        Assert.Contains("5 minutes ahead", rejected.Error);
        // The server's own time, so that whoever reads a terminal's log after a server's clock fell behind (a virtual
        // machine resumed, NTP not yet caught up) sees which clock is wrong.
        Assert.Contains(ServerNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), rejected.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void Amount_of_zero_or_less_is_rejected(long amount)
    {
        var rejected = RejectedAlone(Transaction("bad").With("amountMinor", amount));

        Assert.Contains("'amountMinor'", rejected.Error);
        Assert.Contains("between 1 and", rejected.Error);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void Battery_percent_outside_0_to_100_is_rejected(int percent)
    {
        var rejected = RejectedAlone(Heartbeat("bad").With("batteryPercent", percent));

        Assert.Contains("'batteryPercent' must be between 0 and 100", rejected.Error);
    }

    [Fact]
    public void Power_event_battery_percent_101_is_rejected()
    {
        var rejected = RejectedAlone(Power("bad").With("batteryPercent", 101));

        Assert.Contains("'batteryPercent'", rejected.Error);
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("CN")]
    [InlineData("CNYX")]
    [InlineData("C1Y")]
    [InlineData("")]
    public void Transaction_currency_not_three_capital_letters_is_rejected(string currency)
    {
        var rejected = RejectedAlone(Transaction("bad").With("currency", currency));

        Assert.Contains("'currency'", rejected.Error);
    }

    [Fact]
    public void Heartbeat_currency_not_three_capital_letters_is_rejected()
    {
        var rejected = RejectedAlone(Heartbeat("bad").With("currency", "rmb"));

        Assert.Contains("'currency'", rejected.Error);
    }

    [Theory]
    [InlineData("4111111111111113")] // all digits, fails Luhn: not a card number, but not masked either
    [InlineData("6228481234")]
    [InlineData("6228489******1234")] // seven leading digits
    [InlineData("622848******12345")] // five trailing digits
    [InlineData("622848-1234")]
    public void Masked_pan_that_shows_too_many_digits_is_rejected(string maskedPan)
    {
        var rejected = RejectedAlone(Transaction("bad").With("maskedPan", maskedPan));

        Assert.Contains("'maskedPan' must be masked", rejected.Error);
    }

    [Fact]
    public void Empty_or_blank_required_text_is_rejected()
    {
        var rejected = RejectedAlone(Heartbeat("bad").With("bootId", "  "));

        Assert.Contains("'bootId' must be 1–64 characters", rejected.Error);
    }

    [Fact]
    public void Negative_uptime_is_rejected()
    {
        var rejected = RejectedAlone(Heartbeat("bad").With("uptimeSeconds", -1));

        Assert.Contains("'uptimeSeconds'", rejected.Error);
    }
}
