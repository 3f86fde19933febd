using FleetOps.Core.Fleet;

namespace FleetOps.Web.Fleet;

/// <summary>
/// The audit line's details for a store or terminal registration or change, one wording for every door (the management
/// API and the pages), so the audit log reads the same whoever made the change. A change names each field that moved,
/// old and new, so the log answers "which store was it in before?".
/// </summary>
public static class RegistrationAudit
{
    public static string StoreCreated(StoreInfo store) => $"{store.Name}, {store.Region}";

    public static string TerminalRegistered(TerminalRegistration terminal) => $"store {terminal.StoreCode}, model {terminal.Model}; key issued";

    // Each change is written out whole ("name A → B") so that the audit page's patterns (AuditText) can read it back.
    public static string StoreChanged(StoreInfo before, StoreInfo after) => Changes(
        (before.Name != after.Name, $"name {before.Name} → {after.Name}"),
        (before.Region != after.Region, $"region {before.Region} → {after.Region}"),
        (before.TimeZone != after.TimeZone, $"time zone {before.TimeZone} → {after.TimeZone}"),
        (before.Acquirer != after.Acquirer, $"acquirer {None(before.Acquirer)} → {None(after.Acquirer)}"),
        (before.MerchantId != after.MerchantId, $"merchant id {None(before.MerchantId)} → {None(after.MerchantId)}"));

    public static string TerminalChanged(TerminalRegistration before, TerminalRegistration after) => Changes(
        (before.StoreCode != after.StoreCode, $"store {before.StoreCode} → {after.StoreCode}"),
        (before.Model != after.Model, $"model {None(before.Model)} → {None(after.Model)}"),
        (before.SerialNumber != after.SerialNumber, $"serial {None(before.SerialNumber)} → {None(after.SerialNumber)}"),
        (before.AcquirerTerminalId != after.AcquirerTerminalId, $"acquirer terminal id {None(before.AcquirerTerminalId)} → {None(after.AcquirerTerminalId)}"));

    private static string None(string? value) => value ?? "none";

    private static string Changes(params (bool Moved, string Text)[] fields)
    {
        var moved = fields.Where(f => f.Moved).Select(f => f.Text).ToList();
        return moved.Count == 0 ? "no change" : string.Join("; ", moved);
    }
}
