using FleetOps.Core.Text;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Text;

/// <summary>
/// The guard normalises before it looks (issue 8): separators of any kind are dropped, any Unicode digit counts, and
/// every 13–19-digit window of a run is checked. The first table is the disguises a terminal or a person could send.
/// </summary>
public class CardNumberGuardTests
{
    private const string Visa = "4111111111111111";

    private static string Spread(string digits, string separator) => string.Join(separator, digits.ToCharArray());

    private static string Groups(string digits, string separator) =>
        string.Join(separator, Enumerable.Range(0, (digits.Length + 3) / 4).Select(g => digits.Substring(g * 4, Math.Min(4, digits.Length - g * 4))));

    /// <summary>Maps 0–9 to the digits of another script, whose zero is <paramref name="zero"/>.</summary>
    private static string InScript(string digits, int zero) =>
        string.Concat(digits.Select(c => char.ConvertFromUtf32(zero + (c - '0'))));

    public static TheoryData<string, string> Disguises => new()
    {
        { "Visa 16", Visa },
        { "Mastercard 16", "5555555555554444" },
        { "Amex 15", "378282246310005" },
        { "Discover 16", "6011111111111117" },
        { "Visa 13", "4222222222222" },
        { "Diners 14", "30569309025904" },
        { "UnionPay 19", "6212345678901234569" },
        { "dashes", Groups(Visa, "-") },
        { "en dashes", Groups(Visa, "\u2013") },
        { "minus signs", Groups(Visa, "\u2212") },
        { "full-width hyphens", Groups(Visa, "\uFF0D") },
        { "dots", Groups(Visa, ".") },
        { "slashes", Groups(Visa, "/") },
        { "underscores", Groups(Visa, "_") },
        { "colons", Groups(Visa, ":") },
        { "commas", Groups(Visa, ",") },
        { "plus signs", Groups(Visa, "+") },
        { "asterisks between groups", Groups(Visa, "*") },
        { "parentheses", "(4111) 1111-1111-1111" },
        { "single spaces", Groups(Visa, " ") },
        { "double spaces", Groups(Visa, "  ") },
        { "tabs", Groups(Visa, "\t") },
        { "line breaks", Groups(Visa, "\n") },
        { "no-break spaces", Groups(Visa, "\u00A0") },
        { "figure spaces", Groups(Visa, "\u2007") },
        { "narrow no-break spaces", Groups(Visa, "\u202F") },
        { "ideographic spaces", Groups(Visa, "\u3000") },
        { "zero-width space between every digit", Spread(Visa, "\u200B") },
        { "zero-width joiners and BOMs", Groups(Visa, "\u200D\uFEFF") },
        { "soft hyphens", Groups(Visa, "\u00AD") },
        { "right-to-left marks", Groups(Visa, "\u200F") },
        { "a space between every digit", Spread(Visa, " ") },
        { "combining accent on every digit", Spread(Visa, "\u0301") + "\u0301" },
        { "mixed separators", "4111 - 1111 . 1111 / 1111" },
        { "Amex grouped 4-6-5 with dashes", "3782-822463-10005" },
        { "full-width digits", InScript(Visa, 0xFF10) },
        { "mixed-width digits", "4111" + InScript("1111", 0xFF10) + "1111" + InScript("1111", 0xFF10) },
        { "Arabic-Indic digits", InScript(Visa, 0x0660) },
        { "Persian digits", InScript(Visa, 0x06F0) },
        { "Devanagari digits", InScript(Visa, 0x0966) },
        { "mathematical bold digits (outside the BMP)", InScript(Visa, 0x1D7CE) },
        { "full-width digits with no-break spaces", Groups(InScript(Visa, 0xFF10), "\u00A0") },
        { "inside a longer digit run", "99" + Visa + "12" },
        { "prefixed with digits", "000" + Visa },
        { "suffixed with an expiry", Visa + "1225" },
        { "inside a longer run joined by dashes", "2026-" + Groups(Visa, "-") + "-0042" },
        { "as JSON number text", Visa },
        { "negative JSON number", "-" + Visa },
        { "JSON number with a fraction", "4111111111.111111" },
        { "JSON number in exponent form", "4.111111111111111e15" },
        { "between words", "card:" + Visa + ";exp" },
        { "second run of the text", "batch 000123, card " + Visa },
        { "GUID-like text with more around it", "9bd51530-9328-4735-8395-fb12d2d2693d x" },
        { "GUID shape made of a card number", "41111111-1111-1111-1111-111100000000 " },
    };

    public static TheoryData<string, string> LegitimateValues => new()
    {
        { "RFC 3339 timestamp without fraction", "2026-11-25T08:00:00+08:00" },
        { "RFC 3339 timestamp in UTC", "2026-11-25T00:00:00Z" },
        { "RRN of 12 digits", "123456789012" },
        { "largest 12-digit number", "999999999999" },
        { "maximum amount 10^12", "1000000000000" },
        { "version with a build date", "V3.2.1_20260101" },
        { "transaction id", "000123-0042" },
        { "masked PAN", "622848******1234" },
        { "masked PAN with X", "411111XXXXXX1111" },
        { "masked PAN in groups", "6228 48** **** 1234" },
        { "terminal id", "T-0001" },
        { "store code", "SH-001" },
        { "boot id", "b-17" },
        { "firmware version", "1.8.0" },
        { "Luhn-valid run of only 12 digits", Luhn.Complete("41111111111") },
        { "Luhn-valid 12 digits in groups", Groups(Luhn.Complete("41111111111"), "-") },
        { "16 digits failing Luhn in every window", "4111111111111113" },
        { "digits split by a letter", "4111111 x 111111111" },
        { "Chinese text", "收银台 第三号" },
        // A person's id that CI drew: 51530-9328-4735-8395 joins 17 digits between letters with a Luhn-valid window.
        { "GUID whose digits between letters pass Luhn", "9bd51530-9328-4735-8395-fb12d2d2693d" },
        { "the same GUID in capitals", "9BD51530-9328-4735-8395-FB12D2D2693D" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(Disguises))]
    public void Disguised_card_number_is_found(string disguise, string text)
    {
        Assert.True(CardNumberGuard.ContainsCardNumber(text), disguise);
    }

    [Theory]
    [MemberData(nameof(LegitimateValues))]
    public void Legitimate_value_is_not_a_card_number(string kind, string text)
    {
        Assert.False(CardNumberGuard.ContainsCardNumber(text), kind);
    }

    [Fact]
    public void The_table_has_at_least_forty_disguises()
    {
        Assert.True(Disguises.Count >= 40);
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

    [Fact]
    public void Masked_pan_never_has_13_digits()
    {
        // 6 + 4 shown digits, whatever masks them: with '*' as a separator they join to 10 digits at most.
        Assert.False(CardNumberGuard.ContainsCardNumber("999999******9999"));
        Assert.False(CardNumberGuard.ContainsCardNumber("999999**********************9999"));
    }

    [Fact]
    public void A_letter_ends_the_run()
    {
        Assert.False(CardNumberGuard.ContainsCardNumber("4111-1111-1111-x111"));
        Assert.True(CardNumberGuard.ContainsCardNumber("x4111-1111-1111-1111x"));
    }

    [Fact]
    public void Card_number_at_the_end_of_a_million_digit_run_is_found()
    {
        var text = new string('0', 1_000_000) + Luhn.Complete("4" + new string('1', 14)) + "x";

        Assert.True(CardNumberGuard.ContainsCardNumber(text));
    }

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

    /// <summary>
    /// The guard against the rule it documents, written the slow, obvious way: split the text into runs (a letter ends
    /// one, a digit of any script extends it, anything else is skipped) and try every 13–19-digit window. Random texts
    /// mix ASCII digits, letters and separators, sometimes a full-width digit, and sometimes a whole card number, so
    /// both the quick ASCII pass and the full check are exercised, and the boundary between them.
    /// </summary>
    [Fact]
    public void Agrees_with_the_documented_rule_on_random_texts()
    {
        var random = new Random(20261203);
        const string alphabet = "0123456789012345678901234567890123456789abcXYZ- ./_:*";
        var found = 0;
        for (var n = 0; n < 5_000; n++)
        {
            var text = new System.Text.StringBuilder();
            var length = random.Next(0, 40);
            for (var k = 0; k < length; k++)
            {
                var roll = random.Next(100);
                if (roll == 0) text.Append('\uFF14'); // full-width 4
                else if (roll == 1) text.Append(Luhn.Complete(string.Concat(Enumerable.Range(0, random.Next(12, 19)).Select(_ => (char)('0' + random.Next(10))))));
                else text.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var expected = ByTheRule(text.ToString());
            if (expected) found++;
            Assert.True(expected == CardNumberGuard.ContainsCardNumber(text.ToString()), $"disagrees on \"{text}\"");
        }
        Assert.InRange(found, 100, 4_900); // the texts hold both outcomes
    }

    private static bool ByTheRule(string text)
    {
        if (Guid.TryParseExact(text, "D", out _)) return false; // an identifier in the GUID's form, let through whole
        var runs = new List<List<byte>> { new() };
        foreach (var rune in text.EnumerateRunes())
        {
            if (System.Text.Rune.IsDigit(rune)) runs[^1].Add((byte)System.Text.Rune.GetNumericValue(rune));
            else if (System.Text.Rune.IsLetter(rune)) runs.Add([]);
        }
        foreach (var run in runs)
        {
            for (var start = 0; start < run.Count; start++)
            {
                for (var length = 13; length <= 19 && start + length <= run.Count; length++)
                {
                    if (CardNumberGuard.PassesLuhn(run.GetRange(start, length).ToArray())) return true;
                }
            }
        }
        return false;
    }
}
