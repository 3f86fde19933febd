using System.Globalization;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Wire;
using FleetOps.Web.Security;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// The audit line's details for a plan's edit: each field that moved, old and new, then what happened to the work orders
/// it had generated. Each part is written out whole ("interval 1 month → 2 months") and codes as wire names, so the audit
/// page's <c>AuditText.*</c> patterns read it back in the reader's language.
/// </summary>
public static class PlanAudit
{
    public static string Edited(MaintenancePlan before, MaintenancePlan after, PlanRevision revision)
    {
        var moved = new (bool Moved, string Text)[]
        {
            (before.Name != after.Name, $"name {before.Name} → {after.Name}"),
            (before.Checklist != after.Checklist, $"checklist {before.Checklist} → {after.Checklist}"),
            (before.Every != after.Every, $"interval {Every(before.Every)} → {Every(after.Every)}"),
            (before.Basis != after.Basis, $"basis {before.Basis.ToWire()} → {after.Basis.ToWire()}"),
            // Words between the dates: two dates joined by separators alone are 16 digits, which the card-number guard reads as
            // one number and, one time in ten, withholds the whole line.
            (before.StartsOn != after.StartsOn, $"start date moved from {Date(before.StartsOn)} to {Date(after.StartsOn)}"),
            (before.DueTime != after.DueTime, $"due time {Time(before.DueTime)} → {Time(after.DueTime)}"),
            (before.Kind != after.Kind, $"kind {before.Kind.ToWire()} → {after.Kind.ToWire()}"),
            (before.Priority != after.Priority, $"priority {before.Priority.ToWire()} → {after.Priority.ToWire()}"),
            (before.EstimatedMinutes != after.EstimatedMinutes, $"estimated minutes {before.EstimatedMinutes} → {after.EstimatedMinutes}"),
            (!string.Equals(before.DefaultTechnician, after.DefaultTechnician, StringComparison.OrdinalIgnoreCase),
                $"technician {before.DefaultTechnician ?? "none"} → {after.DefaultTechnician ?? "none"}"),
        }.Where(f => f.Moved).Select(f => f.Text).ToList();
        if (moved.Count == 0) moved.Add("no change");
        moved.Add($"work orders: {revision.Updated.Count} updated, {revision.Cancelled.Count} cancelled");
        return string.Join("; ", moved);
    }

    /// <summary>"1 week", "2 weeks": the unit's wire name, counted.</summary>
    private static string Every(Recurrence every) => AuditLog.Counted(every.Count, every.Unit.ToWire(), $"{every.Unit.ToWire()}s");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
