using System.Globalization;

namespace FleetOps.Core.Transactions;

/// <summary>Amounts arrive in minor units; people and banks read major units.</summary>
public static class Money
{
    /// <summary>Minor units to major units with the currency's own number of decimals (JPY has none, KWD three).</summary>
    public static string MajorUnits(long minor, string currency)
    {
        var digits = currency.ToUpperInvariant() switch
        {
            "JPY" or "KRW" or "VND" or "CLP" or "ISK" => 0,
            "KWD" or "BHD" or "OMR" or "JOD" or "TND" => 3,
            _ => 2,
        };
        var value = minor / (decimal)Math.Pow(10, digits);
        return value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
