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

    /// <summary>The built-in format: PROTOCOL §11's header names.</summary>
    public static ReportLayout Generic { get; } = new(GenericName, new Dictionary<ReportColumn, string>
    {
        [ReportColumn.Date] = "date", [ReportColumn.MerchantId] = "merchantId", [ReportColumn.TerminalId] = "terminalId",
        [ReportColumn.Rrn] = "rrn", [ReportColumn.AuthCode] = "authCode", [ReportColumn.AmountMinor] = "amountMinor",
        [ReportColumn.Currency] = "currency", [ReportColumn.MaskedPan] = "maskedPan", [ReportColumn.Type] = "type",
        [ReportColumn.FeeMinor] = "feeMinor",
    });

    /// <summary>The header this layout gives <paramref name="column"/>, or the generic one when it maps none.</summary>
    public string HeaderOf(ReportColumn column) => Headers.GetValueOrDefault(column) ?? Generic.Headers[column];

    /// <summary>
    /// The type a report's word names: the profile's own words first, in any letter case, then the generic wire names
    /// (exactly). The profile rule keeps "Purchase" and "purchase" as one word and the editor's preview read them alike;
    /// the layout read back from the database compares its keys ordinally, so the import refused "purchase" — the words
    /// are compared here, not by the dictionary.
    /// </summary>
    public bool TryType(string word, out SettlementItemType type)
    {
        var trimmed = word.Trim();
        foreach (var (known, named) in TypeWords ?? new Dictionary<string, SettlementItemType>())
        {
            if (!string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase)) continue;
            type = named;
            return true;
        }
        return WireNames.TryParse(trimmed, out type);
    }
}
