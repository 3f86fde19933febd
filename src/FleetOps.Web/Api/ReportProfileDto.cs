using FleetOps.Core.Wire;
using FleetOps.Web.Reconciliation;

namespace FleetOps.Web.Api;

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
    public static ReportProfileDto From(ReportProfile p) => new(p.Name, p.BuiltIn ? null : p.Acquirer, p.BuiltIn,
        p.Layout.Headers.ToDictionary(h => h.Key.ToWire(), h => h.Value), p.Layout.DateFormat, p.Layout.AmountsInMajorUnits,
        (p.Layout.TypeWords ?? new Dictionary<string, Core.Reconciliation.SettlementItemType>()).ToDictionary(w => w.Key, w => w.Value.ToWire()),
        p.UpdatedBy, p.UpdatedAt);
}
