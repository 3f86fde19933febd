namespace FleetOps.Core.Reconciliation;

/// <summary>
/// A column-mapping profile as someone wrote it (API or editor), before it is checked: the generic column (its wire name,
/// <see cref="ReportColumn"/>) → the acquirer's header, the date format, major or minor units, and the acquirer's word →
/// type wire name. <see cref="ReportProfileRules.Check"/> turns it into a <see cref="ReportLayout"/> or names what is wrong.
/// </summary>
public sealed record ReportProfileDraft(
    string Name,
    IReadOnlyDictionary<string, string>? Columns,
    string? DateFormat,
    bool AmountsInMajorUnits,
    IReadOnlyDictionary<string, string>? TypeWords);
