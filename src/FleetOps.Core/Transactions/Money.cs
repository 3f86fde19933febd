using System.Globalization;

namespace FleetOps.Core.Transactions;

/// <summary>
/// The one rule for money (issue 9): amounts travel as integers in minor units, and every place that shows, charts,
/// exports or reads back an amount scales it by its currency's own minor-unit exponent (ISO 4217: JPY has none, CNY
/// two, KWD three). Nothing else divides by 100.
/// </summary>
public static class Money
{
    /// <summary>The ISO 4217 minor-unit exponent; two for any currency not listed as different.</summary>
    public static int Exponent(string? currency) => currency?.ToUpperInvariant() switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI"
            or "VND" or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        "CLF" or "UYW" => 4,
        _ => 2,
    };

    /// <summary>Minor units as a decimal amount of major units: 12800 CNY → 128.00, 12800 JPY → 12800.</summary>
    public static decimal ToMajor(long minor, string? currency) => minor / Scale(currency);

    /// <summary>Major units typed by a person back to minor units, rounded to the currency's smallest unit.</summary>
    public static long ToMinor(decimal major, string? currency) => checked((long)Math.Round(major * Scale(currency), MidpointRounding.AwayFromZero));

    /// <summary>Major units with the currency's own number of decimals and no grouping ("1280.00"), for banks and CSV.</summary>
    public static string MajorUnits(long minor, string? currency) =>
        ToMajor(minor, currency).ToString("F" + Exponent(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>An amount as people read it on a page: grouped, the currency's decimals, its code ("1,280.00 CNY").</summary>
    public static string Display(long minor, string? currency) =>
        (ToMajor(minor, currency).ToString("N" + Exponent(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
         + " " + currency).Trim();

    /// <summary>
    /// An amount as people read it in <paramref name="culture"/>: the currency's symbol as that language writes it, the
    /// language's grouping and decimal marks, the currency's own decimals — "¥128.00" in Chinese and "CN¥128.00" in
    /// English for CNY, "¥12,800" in English for JPY. A currency without a known symbol keeps its code ("128.00 KWD").
    /// </summary>
    public static string Display(long minor, string? currency, CultureInfo culture)
    {
        var major = ToMajor(minor, currency);
        var number = Math.Abs(major).ToString("N" + Exponent(currency).ToString(CultureInfo.InvariantCulture), culture);
        var sign = major < 0 ? culture.NumberFormat.NegativeSign : "";
        return Symbol(currency, culture) is { } symbol ? sign + symbol + number : (sign + number + " " + currency).Trim();
    }

    /// <summary>The symbols Chinese and English write for the currencies the chain meets (CLDR's); null for the rest.</summary>
    private static string? Symbol(string? currency, CultureInfo culture)
    {
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        return currency?.ToUpperInvariant() switch
        {
            "CNY" => chinese ? "¥" : "CN¥",
            "JPY" => chinese ? "JP¥" : "¥",
            "USD" => chinese ? "US$" : "$",
            "HKD" => "HK$",
            "EUR" => "€",
            "GBP" => "£",
            _ => null,
        };
    }

    private static decimal Scale(string? currency) => Exponent(currency) switch
    {
        0 => 1m,
        3 => 1000m,
        4 => 10000m,
        _ => 100m,
    };
}
