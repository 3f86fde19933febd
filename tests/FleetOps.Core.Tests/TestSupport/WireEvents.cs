using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Tests.TestSupport;

/// <summary>Builds protocol-shaped JSON events (docs/api.md §1) and runs them through the parser.</summary>
internal static class WireEvents
{
    /// <summary>The server clock for parser tests: 2026-11-25T08:00:00+08:00.</summary>
    public static readonly DateTimeOffset ServerNow = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public const string At = "2026-11-25T08:00:00+08:00";

    /// <summary>A Luhn-valid test PAN.</summary>
    public const string Pan = "4111111111111111";

    public static JsonObject Heartbeat(string id = "e-1") => new()
    {
        ["id"] = id, ["type"] = "heartbeat", ["at"] = At,
        ["bootId"] = "b-17", ["uptimeSeconds"] = 3600,
        ["appVersion"] = "3.2.1", ["firmwareVersion"] = "1.8.0",
        ["powerSource"] = "mains", ["batteryPercent"] = 95,
        ["pendingReversals"] = 0, ["openBatchCount"] = 12, ["openBatchAmountMinor"] = 153400, ["currency"] = "CNY",
    };

    public static JsonObject Power(string id = "e-2", string state = "lost") => new()
    {
        ["id"] = id, ["type"] = "power", ["at"] = "2026-11-25T08:00:05+08:00", ["state"] = state,
    };

    public static JsonObject Transaction(string id = "e-3") => new()
    {
        ["id"] = id, ["type"] = "transaction", ["at"] = "2026-11-25T08:00:01+08:00",
        ["transactionId"] = "000123-0042", ["stage"] = "authorized",
        ["amountMinor"] = 12800, ["currency"] = "CNY", ["maskedPan"] = "622848******1234",
        ["authCode"] = "A1B2C3", ["rrn"] = "123456789012", ["batchNumber"] = "000123",
    };

    public static JsonObject Software(string id = "e-4", string state = "failed", string version = "3.3.0") => new()
    {
        ["id"] = id, ["type"] = "software", ["at"] = "2026-11-25T08:00:07+08:00", ["state"] = state, ["version"] = version,
        ["error"] = "signature check failed",
    };

    public static JsonObject OfType(string type, string id = "e-1") => type switch
    {
        "software" => Software(id),
        "heartbeat" => Heartbeat(id),
        "power" => Power(id),
        "transaction" => Transaction(id),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static JsonObject With(this JsonObject e, string name, JsonNode? value)
    {
        e[name] = value;
        return e;
    }

    public static JsonObject Without(this JsonObject e, string name)
    {
        e.Remove(name);
        return e;
    }

    public static EventOutcome Parse(JsonNode e, DateTimeOffset? serverNow = null)
    {
        using var document = JsonDocument.Parse(e.ToJsonString());
        return EventParser.Parse(0, document.RootElement, serverNow ?? ServerNow, EventLimits.Default);
    }

    public static byte[] Body(params JsonNode[] events) => Body("T-0001", events);

    public static byte[] Body(string terminalId, params JsonNode[] events)
    {
        var root = new JsonObject { ["terminalId"] = terminalId, ["events"] = new JsonArray(events) };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static TelemetryBatch? ParseBatch(string body, out string? problem) =>
        TelemetryBatch.Parse(Encoding.UTF8.GetBytes(body), ServerNow, EventLimits.Default, out problem);

    /// <summary>Parses [valid heartbeat, <paramref name="suspect"/>, valid transaction] as one request.</summary>
    public static TelemetryBatch ParseBetweenValidEvents(JsonNode suspect)
    {
        var batch = TelemetryBatch.Parse(Body(Heartbeat("ok-1"), suspect, Transaction("ok-2")), ServerNow, EventLimits.Default, out var problem);
        Assert.Null(problem);
        return batch!;
    }
}
