using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Telemetry events and batches in the wire format of docs/api.md §1.</summary>
public static class Telemetry
{
    /// <summary>RFC 3339 with an offset (+08:00, as the stores' terminals send it).</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static JsonObject Heartbeat(string id, DateTimeOffset at, string bootId = "boot-1", string appVersion = "3.2.1",
        string firmwareVersion = "1.8.0", long uptimeSeconds = 3600, string powerSource = "mains") => new()
    {
        ["id"] = id, ["type"] = "heartbeat", ["at"] = Timestamp(at),
        ["bootId"] = bootId, ["uptimeSeconds"] = uptimeSeconds,
        ["appVersion"] = appVersion, ["firmwareVersion"] = firmwareVersion,
        ["powerSource"] = powerSource, ["batteryPercent"] = 95,
        ["pendingReversals"] = 0, ["openBatchCount"] = 12, ["openBatchAmountMinor"] = 153400, ["currency"] = "CNY",
    };

    public static JsonObject Power(string id, DateTimeOffset at, string state = "lost") => new()
    {
        ["id"] = id, ["type"] = "power", ["at"] = Timestamp(at), ["state"] = state,
    };

    public static JsonObject Software(string id, DateTimeOffset at, string state, string version, string? error = null)
    {
        var e = new JsonObject { ["id"] = id, ["type"] = "software", ["at"] = Timestamp(at), ["state"] = state, ["version"] = version };
        if (error is not null) e["error"] = error;
        return e;
    }

    public static JsonObject Transaction(string id, DateTimeOffset at, string transactionId = "000123-0042", string stage = "authorized",
        long amountMinor = 12800, string maskedPan = "622848******1234", string rrn = "123456789012") => new()
    {
        ["id"] = id, ["type"] = "transaction", ["at"] = Timestamp(at),
        ["transactionId"] = transactionId, ["stage"] = stage,
        ["amountMinor"] = amountMinor, ["currency"] = "CNY", ["maskedPan"] = maskedPan,
        ["authCode"] = "A1B2C3", ["rrn"] = rrn, ["batchNumber"] = "000123",
    };

    /// <summary>The request body. Events are copied, so one event object can go into several batches.</summary>
    public static string Batch(string terminalId, IEnumerable<JsonNode> events) => new JsonObject
    {
        ["terminalId"] = terminalId,
        ["events"] = new JsonArray(events.Select(e => e.DeepClone()).ToArray()),
    }.ToJsonString();

    /// <summary>A random Luhn-valid 16-digit card number (unique per call, so a search for it finds only this test's).</summary>
    public static string CardNumber()
    {
        var digits = "622848" + string.Concat(Enumerable.Range(0, 9).Select(_ => Random.Shared.Next(10)));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Counting from the right with the check digit at position 0, the doubled digits are at odd positions.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
