namespace FleetOps.Core.Tests.TestSupport;

internal static class Luhn
{
    public static byte[] Digits(string text) => text.Select(c => (byte)(c - '0')).ToArray();

    /// <summary>Appends the check digit that makes <paramref name="body"/> pass the Luhn check.</summary>
    public static string Complete(string body)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check;
            if (FleetOps.Core.Text.CardNumberGuard.PassesLuhn(Digits(candidate))) return candidate;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The same digits with the last one changed, so the Luhn check fails.</summary>
    public static string Break(string valid)
    {
        var last = valid[^1] == '9' ? '0' : (char)(valid[^1] + 1);
        return valid[..^1] + last;
    }
}
