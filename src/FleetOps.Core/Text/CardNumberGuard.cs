using System.Text;

namespace FleetOps.Core.Text;

/// <summary>
/// Finds full card numbers (PANs) so they can be refused before anything is stored or logged (issue 8).
/// The text is normalised before it is looked at: it is read as runs of digits, where a digit is any Unicode
/// digit (full-width "４", Arabic-Indic "٤", …) and anything that is neither a letter nor a digit (spaces of every
/// kind, tabs, dashes, dots, slashes, underscores, zero-width characters, '*', …) is a separator that joins the
/// digits on both sides. Only a letter ends a run. Any 13–19 contiguous digits of a run that pass the Luhn check
/// are a card number, wherever they sit in the run, so "4111-1111-1111-1111", "4111.1111.1111.1111" and
/// "99 4111111111111111 12" are all refused. Masked PANs ("622848******1234") keep at most 6 + 4 = 10 digits.
/// The price: an identifier with 13 or more digits between letters (a timestamp and a counter joined by dashes)
/// is refused about once in ten windows, so ids that FleetOps itself makes keep at most 12 digits between letters;
/// a GUID in its usual form is the one shape let through whole (<see cref="IsGuid"/>).
/// </summary>
public static class CardNumberGuard
{
    /// <summary>The shortest card number (13 digits): a shorter text cannot hold one.</summary>
    public const int MinLength = 13;
    private const int MaxLength = 19;

    public static bool ContainsCardNumber(ReadOnlySpan<char> text) => ContainsCardNumber(text, MinLength);

    /// <summary>
    /// For acquirers' identifiers only: a merchant id is 15 digits in China (UnionPay's layout), and one in ten of those
    /// passes the Luhn check — the full guard would refuse a tenth of the chain's stores and most settlement reports.
    /// There the guard starts at 16 digits, the length of the cards these stores take (UnionPay, Visa, Mastercard: 16–19).
    /// </summary>
    public static bool ContainsCardNumberInIdentifier(ReadOnlySpan<char> text) => ContainsCardNumber(text, IdentifierMinLength);

    /// <summary>The shortest run an identifier field refuses; see <see cref="ContainsCardNumberInIdentifier"/>.</summary>
    public const int IdentifierMinLength = 16;

    private static bool ContainsCardNumber(ReadOnlySpan<char> text, int minLength) =>
        !IsAsciiWithShortDigitRuns(text, minLength) && !IsGuid(text) && ContainsCardNumberInRuns(text, minLength);

    /// <summary>
    /// A GUID written as one (8-4-4-4-12 hexadecimal digits, the form of every person's id and of many terminals' event
    /// ids) is an identifier, not a card typed in: read by the rule above, 0.8 % of random GUIDs hold 13–17 digits between
    /// their letters that pass the Luhn check ("9bd51530-9328-4735-8395-fb12d2d2693d"), so one person in 125 could not be
    /// named in a filter and one such event id in 125 was refused. Nobody types a card number in that shape.
    /// </summary>
    private static bool IsGuid(ReadOnlySpan<char> text) => text.Length == 36 && Guid.TryParseExact(text, "D", out _);

    /// <summary>
    /// The common case, decided without decoding runes: ASCII text whose digit runs (ASCII letters end a run, everything
    /// else joins it, as below) are all shorter than <paramref name="minLength"/> cannot hold a card number. Every text
    /// field of every event is checked, and in a 500-heartbeat request the full check was a tenth of the server's CPU.
    /// </summary>
    private static bool IsAsciiWithShortDigitRuns(ReadOnlySpan<char> text, int minLength)
    {
        var run = 0;
        foreach (var c in text)
        {
            if (c > 0x7F) return false;
            if (char.IsAsciiDigit(c))
            {
                if (++run >= minLength) return false;
            }
            else if (char.IsAsciiLetter(c))
            {
                run = 0;
            }
        }
        return true;
    }

    /// <summary>
    /// One pass, O(length), no allocation. Luhn sums of every window ending at the current digit come from two
    /// running prefix sums (one per doubling parity), kept mod 10 in a ring of the last <see cref="MaxLength"/> + 1,
    /// so an absurdly long digit run costs the same per character as a short one.
    /// </summary>
    private static bool ContainsCardNumberInRuns(ReadOnlySpan<char> text, int minLength)
    {
        // plain[k] / doubled[k]: sum mod 10 of the run's first k digits where even-indexed digits are taken as they are
        // (plain) or doubled (doubled), odd-indexed ones the other way round.
        Span<byte> plain = stackalloc byte[MaxLength + 1];
        Span<byte> doubled = stackalloc byte[MaxLength + 1];
        var count = 0; // digits in the current run
        var i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar; // an unpaired surrogate: a separator here (TextRules refuses it anyway)
            }
            i += Math.Max(consumed, 1);

            var digit = DigitValue(rune);
            if (digit < 0)
            {
                if (Rune.IsLetter(rune)) count = 0;
                continue;
            }

            var asIs = (byte)digit;
            var twice = (byte)(digit < 5 ? 2 * digit : 2 * digit - 9);
            var even = count % 2 == 0;
            var previous = count % (MaxLength + 1);
            var next = (count + 1) % (MaxLength + 1);
            var basePlain = count == 0 ? 0 : plain[previous];
            var baseDoubled = count == 0 ? 0 : doubled[previous];
            plain[next] = (byte)((basePlain + (even ? asIs : twice)) % 10);
            doubled[next] = (byte)((baseDoubled + (even ? twice : asIs)) % 10);
            count++;

            // A window ends at this digit (its check digit, not doubled): the digits of the same index parity are
            // taken as they are, so the sums to use are those that take index (count - 1) plainly.
            var sums = (count - 1) % 2 == 0 ? plain : doubled;
            var end = sums[count % (MaxLength + 1)];
            for (var length = minLength; length <= MaxLength && length <= count; length++)
            {
                var start = count - length == 0 ? 0 : sums[(count - length) % (MaxLength + 1)];
                if ((end - start + 10) % 10 == 0) return true;
            }
        }
        return false;
    }

    /// <summary>The decimal digit <paramref name="rune"/> stands for (0–9), or -1 when it is not a digit.</summary>
    private static int DigitValue(Rune rune)
    {
        if (rune.Value is >= '0' and <= '9') return rune.Value - '0';
        if (rune.IsAscii || !Rune.IsDigit(rune)) return -1;
        var value = Rune.GetNumericValue(rune);
        return value is >= 0 and <= 9 && value == Math.Floor(value) ? (int)value : -1;
    }

    public static bool PassesLuhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var k = digits.Length - 1; k >= 0; k--)
        {
            var d = digits[k];
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
