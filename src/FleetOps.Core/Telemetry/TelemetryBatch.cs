using System.Text.Json;

namespace FleetOps.Core.Telemetry;

/// <summary>One event of a request after validation: either the event or the reason it was refused.</summary>
public sealed record EventOutcome(int Index, string? Id, TelemetryEvent? Event, string? Error);

/// <summary>A telemetry request that passed the whole-request checks; its events may still be refused one by one.</summary>
public sealed record TelemetryBatch(string TerminalId, IReadOnlyList<EventOutcome> Events)
{
    public const int MaxEvents = 500;
    public const int MaxBodyBytes = 1024 * 1024;

    public IEnumerable<TelemetryEvent> Valid => Events.Where(e => e.Event is not null).Select(e => e.Event!);
    public IEnumerable<EventOutcome> Rejected => Events.Where(e => e.Error is not null);

    /// <summary>
    /// Parses the request body. Returns null with <paramref name="problem"/> set when the request as a whole
    /// is unusable (PROTOCOL.md: 400 and nothing stored).
    /// </summary>
    public static TelemetryBatch? Parse(ReadOnlyMemory<byte> body, DateTimeOffset serverNow, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            // The parser's message can quote the body; the body may hold card data, so it is not echoed.
            problem = "The body is not valid JSON.";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The body must be a JSON object with 'terminalId' and 'events'.";
                return null;
            }
            if (!root.TryGetProperty("terminalId", out var idElement) || idElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(idElement.GetString()))
            {
                problem = "'terminalId' is missing or not a string.";
                return null;
            }
            if (CardNumberGuard.ContainsCardNumber(idElement.GetString()))
            {
                problem = "'terminalId' holds a full card number, which is not allowed.";
                return null;
            }
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                problem = "'events' is missing or not an array.";
                return null;
            }
            var count = events.GetArrayLength();
            if (count == 0)
            {
                problem = "'events' is empty: send 1 to 500 events.";
                return null;
            }
            if (count > MaxEvents)
            {
                problem = $"'events' has {count} events; at most {MaxEvents} are allowed per request.";
                return null;
            }

            var outcomes = new List<EventOutcome>(count);
            var index = 0;
            foreach (var element in events.EnumerateArray())
            {
                outcomes.Add(EventParser.Parse(index++, element, serverNow));
            }
            problem = null;
            return new TelemetryBatch(idElement.GetString()!, outcomes);
        }
    }
}
