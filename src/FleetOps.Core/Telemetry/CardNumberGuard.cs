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
        Span<byte> digits = stackalloc byte[MaxLength + 1];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // Collect one run of digits, allowing a single space between groups.
            var count = 0;
            var tooLong = false;
            var j = i;
            while (j < text.Length)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    if (count <= MaxLength) digits[Math.Min(count, MaxLength)] = (byte)(text[j] - '0');
                    count++;
                    j++;
                }
                else if (text[j] == ' ' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]) && count > 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }
            tooLong = count > MaxLength;
            if (!tooLong && count >= MinLength && PassesLuhn(digits[..count]))
            {
                return true;
            }
            i = j;
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
