using FleetOps.Core.Wire;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// How one acquirer's report layout maps onto the generic format (a saved column-mapping profile, issue 16): the header
/// that holds each generic column, how its dates are written, whether amounts are in major units ("12.80" yuan) rather
/// than minor ones, and the words it uses for sale / refund / chargeback. <see cref="Generic"/> is the built-in format.
/// </summary>
public sealed record ReportLayout(
    string Name,
    IReadOnlyDictionary<ReportColumn, string> Headers,
    string DateFormat = "yyyy-MM-dd",
    bool AmountsInMajorUnits = false,
    IReadOnlyDictionary<string, SettlementItemType>? TypeWords = null)
{
    public const string GenericName = "generic";

    /// <summary>Columns a report may leave out: an acquirer that reports neither sends no authorisation codes or fees.</summary>
    public static IReadOnlySet<ReportColumn> Optional { get; } = new HashSet<ReportColumn>
    {
        ReportColumn.AuthCode, ReportColumn.MaskedPan, ReportColumn.FeeMinor, ReportColumn.MerchantId, ReportColumn.TerminalId,
    };

    public static ReportLayout Generic { get; } = new(GenericName,
        Enum.GetValues<ReportColumn>().ToDictionary(c => c, c => c.ToWire()));

    /// <summary>The type a report's word names: the profile's own words first, then the generic wire names.</summary>
    public bool TryType(string word, out SettlementItemType type)
    {
        if (TypeWords is not null && TypeWords.TryGetValue(word.Trim(), out type)) return true;
        return WireNames.TryParse(word.Trim(), out type);
    }
}
