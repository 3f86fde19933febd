using System.Text.Json;
using System.Text.Json.Serialization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary>How validated events and latest state are written to the database: camelCase, snake_case enums.</summary>
public static class TelemetryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(TelemetryEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static TelemetryEvent? Deserialize(string type, string payload) => type switch
    {
        "heartbeat" => JsonSerializer.Deserialize<HeartbeatEvent>(payload, Options),
        "power" => JsonSerializer.Deserialize<PowerEvent>(payload, Options),
        "transaction" => JsonSerializer.Deserialize<TransactionEvent>(payload, Options),
        _ => null,
    };
}

/// <summary>The latest-state columns of a terminal, stored as one JSON value.</summary>
public sealed record LatestState(HeartbeatFacts? Heartbeat, PowerSource? PowerSource, int? BatteryPercent, DateTimeOffset? PowerFactsAt)
{
    public static LatestState Of(TerminalSnapshot s) => new(s.Heartbeat, s.PowerSource, s.BatteryPercent, s.PowerFactsAt);

    public string ToJson() => JsonSerializer.Serialize(this, TelemetryJson.Options);

    public static LatestState? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<LatestState>(json, TelemetryJson.Options);
}

/// <summary>A merged transaction record as stored in the Transactions table.</summary>
public static class TransactionJson
{
    public static string Serialize(FleetOps.Core.Transactions.TransactionRecord record) => JsonSerializer.Serialize(record, TelemetryJson.Options);

    public static FleetOps.Core.Transactions.TransactionRecord? Deserialize(string json) =>
        JsonSerializer.Deserialize<FleetOps.Core.Transactions.TransactionRecord>(json, TelemetryJson.Options);
}
