namespace FleetOps.Core.Detection;

/// <summary>
/// Compares version strings numerically part by part, so 3.10.0 &gt; 3.9.2 (a string compare gets this wrong).
/// Missing parts count as zero (3.2 == 3.2.0); a non-numeric suffix of a part ("1-beta") is ignored.
/// </summary>
public static class SoftwareVersion
{
    public static int Compare(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? NumericPart(a[i]) : 0;
            var y = i < b.Length ? NumericPart(b[i]) : 0;
            if (x != y) return x.CompareTo(y);
        }
        return 0;
    }

    private static long NumericPart(string part)
    {
        var digits = 0;
        while (digits < part.Length && digits < 18 && char.IsAsciiDigit(part[digits])) digits++;
        return digits == 0 ? 0 : long.Parse(part.AsSpan(0, digits));
    }
}
