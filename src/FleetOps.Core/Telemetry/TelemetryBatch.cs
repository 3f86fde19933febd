using System.Text.Json;
using System.Text.Unicode;
using FleetOps.Core.Text;

namespace FleetOps.Core.Telemetry;

/// <summary>A telemetry request that passed the whole-request checks; its events may still be refused one by one.</summary>
public sealed record TelemetryBatch(string TerminalId, IReadOnlyList<EventOutcome> Events)
{
    public const int MaxEvents = 500;
    public const int MaxBodyBytes = 1024 * 1024;

    private const string NotJson = "The body is not valid JSON/UTF-8.";

    /// <summary>How deep the body may nest: the request, its events, an event's own objects, with room to spare.</summary>
    private const int MaxDepth = 16;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether the body is well-formed JSON as far as it goes until it nests deeper than <see cref="MaxDepth"/>.</summary>
    private static bool NestsTooDeep(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth) return true;
            }
        }
        catch (JsonException)
        {
            // Malformed before it got that deep.
        }
        return false;
    }

    public IEnumerable<TelemetryEvent> Valid => Events.Where(e => e.Event is not null).Select(e => e.Event!);
    public IEnumerable<EventOutcome> Rejected => Events.Where(e => e.Error is not null);

    /// <summary>
    /// Parses the request body. Returns null with <paramref name="problem"/> set when the request as a whole
    /// is unusable (docs/api.md: 400 and nothing stored).
    /// </summary>
    public static TelemetryBatch? Parse(ReadOnlyMemory<byte> body, DateTimeOffset serverNow, EventLimits limits, out string? problem)
    {
        // System.Text.Json accepts invalid UTF-8 inside strings and throws only when one is read; checked here, the
        // whole body is refused at once instead of failing later in some field.
        if (!Utf8.IsValid(body.Span))
        {
            problem = NotJson;
            return null;
        }
        // A byte order mark in front (what .NET's Encoding.UTF8 writes first) is ignored, as RFC 8259 §8.1 allows: the
        // JSON after it is fine, and "not valid JSON" left a firmware developer looking at a body that was.
        if (body.Span.StartsWith(Utf8ByteOrderMark)) body = body[Utf8ByteOrderMark.Length..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            // The parser's message can quote the body; the body may hold card data, so it is not echoed.
            problem = NestsTooDeep(body.Span) ? $"The body nests objects and arrays more than {MaxDepth} levels deep; an event is a flat object." : NotJson;
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
            // Looking a name up unescapes the names it passes, and a lone-surrogate one would throw.
            if (EventText.ReadableNames(root) is not { } names)
            {
                problem = "A field name of the body is not valid Unicode text (an unpaired surrogate).";
                return null;
            }
            // {"terminalId":"A","terminalId":"B"} or two 'events' arrays: whichever was meant, nothing is guessed.
            if (RepeatedNames.First(names, n => n) is { } repeated)
            {
                problem = RepeatedNames.Problem(repeated, "the body");
                return null;
            }
            if (!root.TryGetProperty("terminalId", out var idElement) || idElement.ValueKind != JsonValueKind.String)
            {
                problem = "'terminalId' is missing or not a string.";
                return null;
            }
            var terminalId = EventText.ReadString(idElement);
            if (terminalId is null)
            {
                problem = "'terminalId' is not valid Unicode text (an unpaired surrogate).";
                return null;
            }
            if (string.IsNullOrWhiteSpace(terminalId))
            {
                problem = "'terminalId' is missing or not a string.";
                return null;
            }
            if (TextRules.Problem("terminalId", terminalId) is { } badText)
            {
                problem = badText;
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
                outcomes.Add(EventParser.Parse(index++, element, serverNow, limits));
            }
            problem = null;
            return new TelemetryBatch(terminalId, outcomes);
        }
    }
}
