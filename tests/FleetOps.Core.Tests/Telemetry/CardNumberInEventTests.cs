using System.Text.Json.Nodes;
using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

/// <summary>docs/api.md §1 card data: a full card number anywhere in an event refuses that event and is never echoed.</summary>
public class CardNumberInEventTests
{
    private static EventOutcome AssertRefusedAsCardNumber(JsonNode suspect, string digits = Pan)
    {
        var batch = ParseBetweenValidEvents(suspect);

        Assert.Equal(["ok-1", "ok-2"], batch.Valid.Select(e => e.Id));
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(1, rejected.Index);
        Assert.Contains("full card number", rejected.Error);
        Assert.DoesNotContain(digits, rejected.Error);
        Assert.DoesNotContain(digits, rejected.ToString());
        Assert.DoesNotContain(digits, rejected.Id ?? "");
        return rejected;
    }

    [Theory]
    [InlineData("maskedPan")]
    [InlineData("authCode")]
    [InlineData("rrn")]
    [InlineData("transactionId")]
    [InlineData("batchNumber")]
    public void Full_pan_in_a_transaction_field_refuses_the_event(string field)
    {
        var rejected = AssertRefusedAsCardNumber(Transaction("tx-1").With(field, Pan));

        Assert.Contains($"'{field}'", rejected.Error);
        Assert.Equal("tx-1", rejected.Id);
    }

    [Fact]
    public void Full_pan_inside_a_longer_text_refuses_the_event()
    {
        AssertRefusedAsCardNumber(Transaction().With("transactionId", $"tx-{Pan}-9"));
    }

    [Fact]
    public void Full_pan_as_the_event_id_refuses_the_event_without_echoing_the_id()
    {
        var rejected = AssertRefusedAsCardNumber(Heartbeat(Pan));

        Assert.Null(rejected.Id);
    }

    [Theory]
    [InlineData("heartbeat")]
    [InlineData("power")]
    [InlineData("transaction")]
    public void Full_pan_in_an_unknown_extra_field_refuses_the_event(string type)
    {
        AssertRefusedAsCardNumber(OfType(type).With("note", $"customer card {Pan}"));
    }

    [Fact]
    public void Full_pan_in_a_nested_object_refuses_the_event()
    {
        var nested = new JsonObject { ["emv"] = new JsonObject { ["track2"] = Pan + "=2512" } };

        var rejected = AssertRefusedAsCardNumber(Transaction().With("extra", nested));

        Assert.Contains("extra.emv.track2", rejected.Error);
    }

    [Fact]
    public void Full_pan_in_an_array_refuses_the_event()
    {
        AssertRefusedAsCardNumber(Power().With("log", new JsonArray("boot", Pan)));
    }

    [Fact]
    public void Full_pan_as_a_json_number_refuses_the_event()
    {
        AssertRefusedAsCardNumber(Transaction().With("card", JsonNode.Parse(Pan)));
    }

    [Fact]
    public void Full_pan_as_a_field_name_refuses_the_event()
    {
        var rejected = AssertRefusedAsCardNumber(Heartbeat().With(Pan, "x"));

        Assert.Contains("(a field name)", rejected.Error);
    }

    [Fact]
    public void Full_pan_printed_in_groups_of_four_refuses_the_event()
    {
        AssertRefusedAsCardNumber(Transaction().With("note", "4111 1111 1111 1111"), "4111 1111 1111 1111");
    }

    [Fact]
    public void Card_check_wins_over_other_errors_so_the_reason_is_the_card_number()
    {
        // The event is wrong in several ways; the card number must still be the reported reason.
        AssertRefusedAsCardNumber(Transaction().With("amountMinor", 0).With("stage", "nope").With("rrn", Pan));
    }

    [Fact]
    public void Masked_pan_passes()
    {
        var outcome = Parse(Transaction().With("maskedPan", "622848******1234"));

        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Sixteen_digit_run_that_fails_luhn_passes()
    {
        var outcome = Parse(Transaction().With("transactionId", "4111111111111113"));

        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Twelve_digit_rrn_passes()
    {
        var outcome = Parse(Transaction().With("rrn", "123456789012"));

        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Card_number_inside_a_run_of_twenty_digits_refuses_the_event()
    {
        AssertRefusedAsCardNumber(Transaction().With("transactionId", Pan + "0000"));
    }

    [Fact]
    public void Timestamps_money_and_ids_of_a_normal_event_are_not_mistaken_for_card_numbers()
    {
        var e = Heartbeat().With("openBatchAmountMinor", 9_999_999_999L).With("uptimeSeconds", 123_456_789);

        Assert.Null(Parse(e).Error);
    }
}
