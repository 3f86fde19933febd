namespace FleetOps.Simulator;

/// <summary>
/// Numbers spelled with the letters a–z. Ids made from a clock or a counter are sent to a server that refuses any
/// 13 or more digits between letters (they could be a card number); spelled with letters, they add no digits.
/// </summary>
internal static class Letters
{
    public static string Of(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Span<char> chars = stackalloc char[16];
        var i = chars.Length;
        do
        {
            chars[--i] = (char)('a' + value % 26);
            value /= 26;
        } while (value > 0);
        return new string(chars[i..]);
    }
}
