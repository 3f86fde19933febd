using FleetOps.Web.Api;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// A column-mapping profile (<c>GET /api/v1/reconciliation/profiles</c>, FleetOps addition): <c>columns</c> maps each
/// generic column's wire name to the acquirer's header; <c>typeWords</c> maps the acquirer's words to <c>sale</c> |
/// <c>refund</c> | <c>chargeback</c>. The built-in <c>generic</c> profile has no acquirer and cannot be saved.
/// </summary>
public sealed record ReportProfileDto(
    string Name,
    string? Acquirer,
    bool BuiltIn,
    IReadOnlyDictionary<string, string> Columns,
    string DateFormat,
    bool AmountsInMajorUnits,
    IReadOnlyDictionary<string, string> TypeWords,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt)
{
    public static ReportProfileDto From(ReportProfile p) => From(p, ReportProfiles.IsBuiltIn(p));

    private static ReportProfileDto From(ReportProfile p, bool builtIn) => new(p.Name, builtIn ? null : p.Acquirer, builtIn,
        p.Layout.Headers.ToDictionary(h => h.Key.ToWire(), h => h.Value), p.Layout.DateFormat, p.Layout.AmountsInMajorUnits,
        (p.Layout.TypeWords ?? new Dictionary<string, Core.Reconciliation.SettlementItemType>()).ToDictionary(w => w.Key, w => w.Value.ToWire()),
        builtIn ? null : p.UpdatedBy, builtIn ? null : p.UpdatedAt);
}
