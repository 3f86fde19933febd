using System.Text.Json;

namespace FleetOps.Web.Persistence;

/// <summary>A merged transaction record as stored in the Transactions table.</summary>
public static class TransactionJson
{
    public static string Serialize(FleetOps.Core.Transactions.TransactionRecord record) => JsonSerializer.Serialize(record, TelemetryJson.Options);

    public static FleetOps.Core.Transactions.TransactionRecord? Deserialize(string json) =>
        JsonSerializer.Deserialize<FleetOps.Core.Transactions.TransactionRecord>(json, TelemetryJson.Options);
}
