using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Text;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

/// <summary>
/// Every name and string of an event must be text FleetOps can keep: a lone surrogate, NUL or another control
/// character refuses that event (never the request, never an exception); invalid UTF-8 refuses the whole body.
/// </summary>
public class EventTextTests
{
    /// <summary>[valid heartbeat, <paramref name="rawEvent"/> (JSON text as sent), valid transaction].</summary>
    private static EventOutcome RejectedBetweenValid(string rawEvent)
    {
        var body = $"{{\"terminalId\":\"T-0001\",\"events\":[{Heartbeat("ok-1").ToJsonString()},{rawEvent},{Transaction("ok-2").ToJsonString()}]}}";
        var batch = ParseBatch(body, out var problem);

        Assert.Null(problem);
        Assert.Equal(["ok-1", "ok-2"], batch!.Valid.Select(e => e.Id));
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(1, rejected.Index);
        return rejected;
    }

    /// <summary>A power event with <paramref name="member"/> (raw JSON "name": value) added at the end.</summary>
    private static string PowerWith(string member) => Power("bad").ToJsonString()[..^1] + "," + member + "}";

    [Theory]
    [InlineData("\"note\":\"\\ud800\"")]
    [InlineData("\"note\":\"abc\\udfff\"")]
    [InlineData("\"note\":{\"deep\":[\"\\ud800x\"]}")]
    [InlineData("\"\\ud800\":1")]
    [InlineData("\"nested\":{\"\\udc00\":\"x\"}")]
    public void Unpaired_surrogate_in_a_value_or_a_name_rejects_the_event(string member)
    {
        var rejected = RejectedBetweenValid(PowerWith(member));

        Assert.Contains("not valid Unicode", rejected.Error);
        Assert.Equal("bad", rejected.Id);
    }

    [Fact]
    public void Unpaired_surrogate_in_the_id_rejects_the_event_without_echoing_the_id()
    {
        var rejected = RejectedBetweenValid(Power().ToJsonString().Replace("\"e-2\"", "\"e\\ud800\"", StringComparison.Ordinal));

        Assert.Null(rejected.Id);
    }

    [Theory]
    [InlineData("\"bootId\":\"b\\u0000\"")]
    [InlineData("\"note\":\"line\\nbreak\"")]
    [InlineData("\"note\":\"bell\\u0007\"")]
    [InlineData("\"na\\u0000me\":1")]
    [InlineData("\"note\":\"\\u0085\"")]
    public void Control_character_rejects_the_event(string member)
    {
        var rejected = RejectedBetweenValid(PowerWith(member));

        Assert.Contains("control character", rejected.Error);
    }

    [Fact]
    public void Nul_in_a_known_field_rejects_the_event()
    {
        var rejected = RejectedBetweenValid(Heartbeat("bad").With("appVersion", "3.2.1\0").ToJsonString());

        Assert.Contains("'appVersion'", rejected.Error);
    }

    [Fact]
    public void Trailing_line_break_after_a_valid_id_is_not_accepted()
    {
        var rejected = RejectedBetweenValid(Power("e-2\n").ToJsonString());

        Assert.NotNull(rejected.Error);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Invalid_utf8_anywhere_refuses_the_whole_body(byte[] bad)
    {
        var start = Encoding.UTF8.GetBytes("{\"terminalId\":\"T-0001\",\"events\":[{\"id\":\"e-1\",\"note\":\"");
        var end = Encoding.UTF8.GetBytes("\"}]}");

        var batch = TelemetryBatch.Parse((byte[])[.. start, .. bad, .. end], ServerNow, EventLimits.Default, out var problem);

        Assert.Null(batch);
        Assert.Equal("The body is not valid JSON/UTF-8.", problem);
    }

    [Theory]
    [InlineData("\"T\\ud800\"", "not valid Unicode")]
    [InlineData("\"T-\\u0000\"", "control character")]
    [InlineData("\"4111-1111-1111-1111\"", "full card number")]
    public void Bad_terminal_id_refuses_the_request(string terminalId, string reason)
    {
        var batch = ParseBatch($"{{\"terminalId\":{terminalId},\"events\":[{Power().ToJsonString()}]}}", out var problem);

        Assert.Null(batch);
        Assert.Contains(reason, problem);
        Assert.DoesNotContain("4111", problem);
    }

    [Fact]
    public void Rfc3339_at_with_nine_fraction_digits_is_not_taken_for_a_card_number()
    {
        // 08:00:00.123456789+08:00 is 19 digits once the separators go; only a well-formed 'at' is left out of the scan.
        // Of these 100, 81 hold a Luhn-valid window.
        for (var fraction = 0; fraction < 100; fraction++)
        {
            var at = $"2026-11-25T07:59:59.{fraction:00}3456789+08:00";
            Assert.Null(Parse(Power().With("at", at)).Error);
        }
    }

    [Fact]
    public void Same_digits_in_another_field_or_in_a_malformed_at_are_scanned()
    {
        const string luhnValid = "2026-11-25T08:00:00.0010000+08:00"; // 08 00 00 0010000 08 00: a Luhn-valid run of 17
        Assert.True(CardNumberGuard.ContainsCardNumber(luhnValid));

        Assert.Null(Parse(Power().With("at", luhnValid)).Error);
        Assert.Contains("full card number", Parse(Power().With("sentAt", luhnValid)).Error);
        Assert.Contains("full card number", Parse(Power().With("at", luhnValid + " ")).Error);
    }

    [Fact]
    public void Card_number_spelled_by_nested_names_is_not_echoed_in_the_path()
    {
        var nested = new JsonObject { ["4111"] = new JsonObject { ["1111"] = new JsonObject { ["1111"] = new JsonObject { ["1111"] = "\u0001" } } } };

        var rejected = RejectedBetweenValid(Power("bad").With("x", nested).ToJsonString());

        Assert.Contains("control character", rejected.Error);
        Assert.DoesNotContain("4111.1111", rejected.Error);
    }
}
