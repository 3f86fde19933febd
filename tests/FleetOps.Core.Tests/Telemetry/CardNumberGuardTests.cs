using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Telemetry;

public class CardNumberGuardTests
{
    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("5555555555554444")]
    [InlineData("378282246310005")]
    [InlineData("6011111111111117")]
    [InlineData("79927398713")]
    [InlineData("0")]
    public void Passes_luhn_for_valid_numbers(string digits)
    {
        Assert.True(CardNumberGuard.PassesLuhn(Luhn.Digits(digits)));
    }

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("4111111111111121")]
    [InlineData("79927398710")]
    [InlineData("1")]
    public void Fails_luhn_for_invalid_numbers(string digits)
    {
        Assert.False(CardNumberGuard.PassesLuhn(Luhn.Digits(digits)));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    public void Luhn_valid_run_of_13_to_19_digits_is_a_card_number(int length)
    {
        var pan = Luhn.Complete("6" + new string('2', length - 2));

        Assert.True(CardNumberGuard.ContainsCardNumber(pan));
        Assert.True(CardNumberGuard.ContainsCardNumber($"ref:{pan};"));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(40)]
    public void Luhn_valid_run_shorter_than_13_or_longer_than_19_is_not_a_card_number(int length)
    {
        var digits = Luhn.Complete("6" + new string('2', length - 2));

        Assert.False(CardNumberGuard.ContainsCardNumber(digits));
    }

    [Fact]
    public void Luhn_failing_run_is_not_a_card_number()
    {
        Assert.False(CardNumberGuard.ContainsCardNumber(Luhn.Break("4111111111111111")));
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("3782 822463 10005")]
    [InlineData("card: 4111 1111 1111 1111.")]
    public void Pan_printed_with_single_spaces_between_groups_is_a_card_number(string text)
    {
        Assert.True(CardNumberGuard.ContainsCardNumber(text));
    }

    [Theory]
    [InlineData("622848******1234")]
    [InlineData("411111XXXXXX1111")]
    [InlineData("000123-0042")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111  1111  1111  1111")]
    [InlineData("2026-11-25T08:00:00+08:00")]
    [InlineData("")]
    public void Masked_dashed_or_loosely_spaced_digits_are_not_a_card_number(string text)
    {
        Assert.False(CardNumberGuard.ContainsCardNumber(text));
    }

    [Theory]
    [InlineData("4111111111111111 1225")]
    [InlineData("4111111111111111 12/25")]
    [InlineData("exp 12 4111111111111111")]
    [InlineData("4111 1111 1111 1111 1225")]
    [InlineData("4111111111111111 00000000000000000000")]
    public void Pan_next_to_other_digit_groups_is_still_a_card_number(string text)
    {
        Assert.True(CardNumberGuard.ContainsCardNumber(text));
    }

    [Fact]
    public void Second_run_in_the_text_is_found()
    {
        Assert.True(CardNumberGuard.ContainsCardNumber("batch 000123, card 4111111111111111"));
    }
}
