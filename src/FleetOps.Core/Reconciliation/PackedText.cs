namespace FleetOps.Core.Reconciliation;

/// <summary>
/// Short identifiers as one 64-bit number instead of a string object (issue 16: the ledger holds ~170,000 sales of a
/// million-line import, and a 12-digit RRN as a string is 48 bytes, a 6-character authorisation code 40). A code keeps
/// the length, so "0042" and "42" differ; equal texts give equal codes and a code gives its text back exactly. Texts that
/// do not fit (too long, other characters) are kept as they are by the caller; 0 is never a code. A transaction id
/// (PROTOCOL's "000123-0042") is two such codes.
/// </summary>
internal static class PackedText
{
    private const int MostDigits = 17; // 10^17 < 2^57: the length goes above
    private const int DigitsLengthShift = 57;
    private const int MostSymbols = 10; // 6 bits each: 60 bits, the length in the top 4
    private const int SymbolsLengthShift = 60;
    private const string Symbols = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    /// <summary>One to 17 ASCII digits (an RRN).</summary>
    public static bool TryPackDigits(string text, out long code)
    {
        code = 0;
        if (text.Length is 0 or > MostDigits) return false;
        long value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        code = ((long)text.Length << DigitsLengthShift) | value;
        return true;
    }

    public static string UnpackDigits(long code)
    {
        var length = (int)(code >> DigitsLengthShift);
        var value = code & ((1L << DigitsLengthShift) - 1);
        return string.Create(length, value, static (chars, v) =>
        {
            for (var i = chars.Length - 1; i >= 0; i--, v /= 10) chars[i] = (char)('0' + v % 10);
        });
    }

    /// <summary>One to ten ASCII letters, digits, '-' and '_', case kept (an authorisation code).</summary>
    public static bool TryPackAlphanumeric(ReadOnlySpan<char> text, out long code)
    {
        code = 0;
        if (text.Length is 0 or > MostSymbols) return false;
        long value = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var symbol = SymbolOf(text[i]);
            if (symbol < 0) return false;
            value = (value << 6) | (uint)symbol;
        }
        code = ((long)text.Length << SymbolsLengthShift) | value;
        return true;
    }

    /// <summary>One to twenty of the symbols <see cref="TryPackAlphanumeric"/> takes (a transaction id): the first ten, then the rest (0 when none).</summary>
    public static bool TryPackId(string text, out long first, out long rest)
    {
        rest = 0;
        var head = text.AsSpan(0, Math.Min(text.Length, MostSymbols));
        return TryPackAlphanumeric(head, out first)
               && (text.Length <= MostSymbols || TryPackAlphanumeric(text.AsSpan(MostSymbols), out rest));
    }

    public static string UnpackId(long first, long rest) => rest == 0 ? UnpackAlphanumeric(first) : UnpackAlphanumeric(first) + UnpackAlphanumeric(rest);

    public static string UnpackAlphanumeric(long code)
    {
        var length = (int)((ulong)code >> SymbolsLengthShift);
        return string.Create(length, code, static (chars, v) =>
        {
            for (var i = 0; i < chars.Length; i++, v >>= 6) chars[i] = Symbols[(int)(v & 63)];
        });
    }

    private static int SymbolOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        >= 'a' and <= 'z' => c - 'a' + 36,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
