namespace FleetOps.Web.Ingestion;

/// <summary>
/// Example bodies of <c>POST /api/v1/telemetry</c> for the API reference, one per event type and one store-and-forward
/// backlog. A test feeds each through the real parser, so an example that the server would refuse fails the build.
/// </summary>
public static class TelemetryExamples
{
    /// <summary>Name, summary and JSON body of each example.</summary>
    public static readonly IReadOnlyList<(string Name, string Summary, string Json)> All =
    [
        ("heartbeat", "A heartbeat: versions, power source, battery and the open batch", """
            { "terminalId": "T-0001", "events": [
              { "id": "hb-20261125-0800", "type": "heartbeat", "at": "2026-11-25T08:00:00+08:00",
                "bootId": "b-17", "uptimeSeconds": 3600, "appVersion": "3.2.1", "firmwareVersion": "1.8.0",
                "powerSource": "mains", "batteryPercent": 95, "pendingReversals": 0,
                "openBatchCount": 12, "openBatchAmountMinor": 153400, "currency": "CNY" } ] }
            """),
        ("power", "Power: the supply is lost, the terminal runs on battery, then power comes back", """
            { "terminalId": "T-0001", "events": [
              { "id": "pw-1", "type": "power", "at": "2026-11-25T08:00:05+08:00", "state": "on_battery", "batteryPercent": 95 },
              { "id": "pw-2", "type": "power", "at": "2026-11-25T08:06:40+08:00", "state": "low_battery", "batteryPercent": 9 },
              { "id": "pw-3", "type": "power", "at": "2026-11-25T08:07:10+08:00", "state": "restored" } ] }
            """),
        ("transaction", "A card payment: authorised, signed, completed (settlement follows with the batch)", """
            { "terminalId": "T-0001", "events": [
              { "id": "tx-0042-a", "type": "transaction", "at": "2026-11-25T08:00:01+08:00", "transactionId": "000123-0042",
                "stage": "authorized", "amountMinor": 12800, "currency": "CNY", "maskedPan": "622848******1234",
                "authCode": "A1B2C3", "rrn": "123456789012", "batchNumber": "000123" },
              { "id": "tx-0042-s", "type": "transaction", "at": "2026-11-25T08:00:09+08:00", "transactionId": "000123-0042",
                "stage": "signed", "amountMinor": 12800, "currency": "CNY" },
              { "id": "tx-0042-c", "type": "transaction", "at": "2026-11-25T08:00:12+08:00", "transactionId": "000123-0042",
                "stage": "completed", "amountMinor": 12800, "currency": "CNY" } ] }
            """),
        ("software", "A software update: downloaded, failed once with the installer's reason, then installed", """
            { "terminalId": "T-0001", "events": [
              { "id": "sw-1", "type": "software", "at": "2026-11-25T08:00:20+08:00", "state": "downloading", "version": "3.3.0" },
              { "id": "sw-2", "type": "software", "at": "2026-11-25T08:02:00+08:00", "state": "failed", "version": "3.3.0",
                "error": "signature check failed" },
              { "id": "sw-3", "type": "software", "at": "2026-11-25T08:05:00+08:00", "state": "installed", "version": "3.3.0" } ] }
            """),
        ("backlog", "After an outage: a sale authorised just before power was lost, sent late and out of order with the next boot", """
            { "terminalId": "T-0001", "events": [
              { "id": "hb-b18-1", "type": "heartbeat", "at": "2026-11-25T08:20:00+08:00", "bootId": "b-18", "uptimeSeconds": 60,
                "appVersion": "3.2.1", "firmwareVersion": "1.8.0", "powerSource": "mains", "pendingReversals": 1 },
              { "id": "pw-lost-1", "type": "power", "at": "2026-11-25T08:10:03+08:00", "state": "lost" },
              { "id": "tx-0043-a", "type": "transaction", "at": "2026-11-25T08:10:01+08:00", "transactionId": "000123-0043",
                "stage": "authorized", "amountMinor": 5600, "currency": "CNY", "maskedPan": "622848******9876",
                "authCode": "D4E5F6", "rrn": "123456789013", "batchNumber": "000123" } ] }
            """),
    ];
}
