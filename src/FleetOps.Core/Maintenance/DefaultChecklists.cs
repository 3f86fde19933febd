namespace FleetOps.Core.Maintenance;

/// <summary>
/// The checklists FleetOps ships, seeded once by key at start-up (an administrator's later version is never overwritten).
/// Keys are stable ASCII: pages look up localised titles and labels as <c>Checklist.{template}</c> and
/// <c>Checklist.{template}.{item}</c>; the English here is what the API returns.
/// </summary>
public static class DefaultChecklists
{
    public const string TerminalInspection = "terminal_inspection";
    public const string PowerUps = "power_ups";
    public const string CableNetwork = "cable_network";
    public const string SoftwareUpdate = "software_update";
    public const string Cleaning = "printer_reader_cleaning";
    public const string BatteryReplacement = "battery_replacement";

    public static IReadOnlyList<ChecklistTemplate> All { get; } =
    [
        new(TerminalInspection, 1, "Terminal inspection",
        [
            Check("housing_intact", "Housing, keypad and screen undamaged"),
            Check("no_tampering", "No signs of tampering (seals intact, no extra parts on the card slot or keypad)"),
            Check("card_reader_ok", "Test read of chip, contactless and magnetic stripe succeeds"),
            Check("printer_ok", "Test receipt prints clearly"),
            Number("signal_bars", "Network signal strength", "bars", 2, 5, required: false),
            Photo("terminal_photo", "Photo of the terminal in place", required: false),
            Text("remarks", "Remarks"),
            Signature("manager_signature", "Store manager's signature"),
        ]),
        new(PowerUps, 1, "Power supply and UPS test",
        [
            Check("adapter_ok", "Power adapter and cable undamaged, firmly seated"),
            Number("mains_voltage", "Mains voltage at the socket", "V", 207, 253),
            Check("ups_self_test", "UPS self-test passes"),
            Number("ups_runtime", "UPS runtime on battery", "minutes", 10),
            Number("ups_load", "UPS load", "%", 0, 80, required: false),
            Check("surge_protection", "Terminal is behind surge protection, not a daisy-chained power strip"),
            Photo("ups_photo", "Photo of the UPS display", required: false),
            Signature("manager_signature", "Store manager's signature"),
        ]),
        new(CableNetwork, 1, "Cable and network check",
        [
            Check("cables_secured", "Network and power cables secured, no strain or kinks"),
            Check("connectors_ok", "Connectors clean and clicked in"),
            Check("router_ok", "Router and switch lights normal"),
            Number("ping_ms", "Round trip to the payment host", "ms", 0, 300),
            Number("packet_loss", "Packet loss over 100 pings", "%", 0, 1),
            Check("backup_link", "Backup link (4G) takes over when the cable is pulled", required: false),
            Signature("manager_signature", "Store manager's signature"),
        ]),
        new(SoftwareUpdate, 1, "Software update",
        [
            Text("version_before", "App version before", required: true),
            Check("update_installed", "Update installed without errors"),
            Text("version_after", "App version after", required: true),
            Check("test_payment", "Test payment and its reversal succeed"),
            Check("settlement_ok", "Settlement batch closes"),
            Signature("manager_signature", "Store manager's signature"),
        ]),
        new(Cleaning, 1, "Printer and card-reader cleaning",
        [
            Check("printer_head_cleaned", "Printer head cleaned with an alcohol swab"),
            Check("card_slot_cleaned", "Chip and stripe reader cleaned with a cleaning card"),
            Check("screen_cleaned", "Screen and keypad cleaned"),
            Check("paper_stock", "Spare paper rolls in stock"),
            Check("test_receipt", "Test receipt prints clearly"),
            Signature("manager_signature", "Store manager's signature", required: false),
        ]),
        new(BatteryReplacement, 1, "Battery replacement",
        [
            Text("old_battery_serial", "Serial of the removed battery", required: true),
            Text("new_battery_serial", "Serial of the new battery", required: true),
            Number("charge_after", "Charge level after installing", "%", 20, 100),
            Check("runs_on_battery", "Terminal runs on battery when unplugged"),
            Check("old_battery_disposed", "Old battery taken for recycling"),
            Photo("battery_photo", "Photo of the new battery", required: false),
            Signature("manager_signature", "Store manager's signature"),
        ]),
    ];

    /// <summary>A pass/fail item (training programmes use the same items).</summary>
    internal static ChecklistItem Check(string key, string label, bool required = true) => new(key, label, ChecklistItemType.Check, required);

    private static ChecklistItem Number(string key, string label, string unit, double? min = null, double? max = null, bool required = true) =>
        new(key, label, ChecklistItemType.Number, required, unit, min, max);

    private static ChecklistItem Text(string key, string label, bool required = false) => new(key, label, ChecklistItemType.Text, required);

    private static ChecklistItem Photo(string key, string label, bool required) => new(key, label, ChecklistItemType.Photo, required);

    private static ChecklistItem Signature(string key, string label, bool required = true) => new(key, label, ChecklistItemType.Signature, required);
}
