using System.Text.Json;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Cluster;

/// <summary>
/// One terminal's part of a telemetry commit as other nodes need it: the events the database accepted (as stored, so
/// a card number is only ever its masked form) and when the node received them. Several make one
/// <see cref="ChangeFanOut.TelemetryKind"/> payload: <c>[{"t":terminal,"r":receivedMs,"e":[{"k":type,"v":event}]}]</c>.
/// </summary>
public sealed record TelemetryChange(string TerminalId, DateTimeOffset ReceivedAt, IReadOnlyList<TelemetryEvent> Events)
{
    public static string Serialize(IEnumerable<TelemetryChange> changes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString("t", change.TerminalId);
                json.WriteNumber("r", change.ReceivedAt.ToUnixTimeMilliseconds());
                json.WriteStartArray("e");
                foreach (var e in change.Events)
                {
                    json.WriteStartObject();
                    json.WriteString("k", e.Type.ToWire());
                    json.WritePropertyName("v");
                    json.WriteRawValue(TelemetryJson.Serialize(e), skipInputValidation: true);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a payload back; an event of a type this version does not know is left out.</summary>
    public static IReadOnlyList<TelemetryChange> Parse(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var changes = new List<TelemetryChange>();
        foreach (var part in document.RootElement.EnumerateArray())
        {
            var events = new List<TelemetryEvent>();
            foreach (var e in part.GetProperty("e").EnumerateArray())
            {
                if (TelemetryJson.Deserialize(e.GetProperty("k").GetString() ?? "", e.GetProperty("v").GetRawText()) is { } parsed) events.Add(parsed);
            }
            changes.Add(new TelemetryChange(part.GetProperty("t").GetString()!,
                DateTimeOffset.FromUnixTimeMilliseconds(part.GetProperty("r").GetInt64()), events));
        }
        return changes;
    }
}
