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

    public static string StoreChanged(StoreInfo before, StoreInfo after) => Changes(
        ("name", before.Name, after.Name), ("region", before.Region, after.Region), ("time zone", before.TimeZone, after.TimeZone),
        ("acquirer", before.Acquirer, after.Acquirer), ("merchant id", before.MerchantId, after.MerchantId));

    public static string TerminalChanged(TerminalRegistration before, TerminalRegistration after) => Changes(
        ("store", before.StoreCode, after.StoreCode), ("model", before.Model, after.Model), ("serial", before.SerialNumber, after.SerialNumber),
        ("acquirer terminal id", before.AcquirerTerminalId, after.AcquirerTerminalId));

    private static string Changes(params (string Field, string? Before, string? After)[] fields)
    {
        var moved = fields.Where(f => !string.Equals(f.Before, f.After, StringComparison.Ordinal))
            .Select(f => $"{f.Field} {f.Before ?? "none"} → {f.After ?? "none"}").ToList();
        return moved.Count == 0 ? "no change" : string.Join("; ", moved);
    }
}
