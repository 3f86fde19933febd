namespace FleetOps.Core.Telemetry;

/// <summary>
/// Finds full card numbers (PANs) so they can be refused before anything is stored or logged.
/// A PAN is a run of 13–19 digits passing the Luhn check; runs may be written with single spaces
/// between digit groups ("4111 1111 1111 1111"), the way receipts print them. Dashes are not treated
/// as separators because terminal and transaction ids use them ("000123-0042") and would give false
/// refusals. Masked PANs ("622848******1234") never match: the mask breaks the run.
/// </summary>
public static class CardNumberGuard
{
    private const int MinLength = 13;
    private const int MaxLength = 19;

    public static bool ContainsCardNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // Collect one run of digits, allowing a single space between groups.
            var end = i;
            while (end < text.Length
                   && (char.IsAsciiDigit(text[end]) || (text[end] == ' ' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            {
                end++;
            }
            if (RunContainsCardNumber(text[i..end]))
            {
                return true;
            }
            i = end;
        }
        return false;
    }

    /// <summary>
    /// Checks every stretch of whole digit groups of one run, not only the whole run: digits printed next to a
    /// card number ("4111111111111111 1225", an expiry or a count) must not hide it. A single group longer
    /// than <see cref="MaxLength"/> is never a card number.
    /// </summary>
    private static bool RunContainsCardNumber(ReadOnlySpan<char> run)
    {
        Span<byte> digits = stackalloc byte[MaxLength];
        for (var start = 0; start < run.Length; start++)
        {
            if (start > 0 && run[start - 1] != ' ') continue; // stretches begin at a group
            var count = 0;
            for (var k = start; k < run.Length; k++)
            {
                if (run[k] != ' ')
                {
                    if (count == MaxLength) break; // too long from here on
                    digits[count++] = (byte)(run[k] - '0');
                }
                var groupEnds = k + 1 == run.Length || run[k + 1] == ' ';
                if (groupEnds && run[k] != ' ' && count >= MinLength && PassesLuhn(digits[..count]))
                {
                    return true;
                }
            }
        }
        return false;
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
