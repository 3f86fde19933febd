using System.Text.Json;
using System.Text.Json.Serialization;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Persistence;

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
        "software" => JsonSerializer.Deserialize<SoftwareEvent>(payload, Options),
        _ => null,
    };
}
