using System.Globalization;

namespace FleetOps.Simulator;

/// <summary>Plausible card-payment details. Nothing here ever produces a full card number.</summary>
internal static class CardData
{
    // Issuer prefixes common at Chinese merchants (UnionPay debit/credit, a few international brands).
    private static readonly string[] Bins =
        ["622848", "621700", "622202", "621226", "622588", "625907", "622260", "436742", "524094", "356833"];

    private const string AuthCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public static string MaskedPan(Random random) =>
        Bins[random.Next(Bins.Length)] + "******" + random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);

    public static string AuthCode(Random random) => new(random.GetItems<char>(AuthCodeAlphabet, 6));

    // 12 digits; far below the 13-digit runs the server inspects for card numbers.
    public static string Rrn(Random random) =>
        random.NextInt64(100_000_000_000, 1_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Retail ticket sizes: mostly tens of yuan, a long tail up to 800.00, never below 5.00.</summary>
    public static long AmountMinor(Random random)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var yuan = Math.Clamp(Math.Exp(Math.Log(45) + 0.9 * normal), 5, 800);
        var minor = (long)Math.Round(yuan * 100);
        // Shelf prices end in round numbers more often than not.
        var roll = random.NextDouble();
        if (roll < 0.3)
            minor = minor / 100 * 100;
        else if (roll < 0.8)
            minor = minor / 10 * 10;
        return Math.Clamp(minor, 500, 80_000);
    }
}
