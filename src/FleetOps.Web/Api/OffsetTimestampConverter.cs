using System.Text.Json;
using System.Text.Json.Serialization;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Api;

/// <summary>
/// Reads timestamps of request bodies by the contract's rule (RFC 3339 with an offset, <see cref="Rfc3339"/>), as the
/// telemetry API does. System.Text.Json alone takes "2026-12-07T10:00:00" or "2026-12-07" and reads it in the server's
/// zone, so a work order's due time or a mute window silently meant another moment than the caller's. Written as before
/// (ISO 8601 with the offset).
/// </summary>
public sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Its refusal, which the problem's detail turns into the field's rule; the value itself is never repeated.</summary>
    public const string Refusal = "Not an RFC 3339 timestamp with an offset.";

    /// <summary>Its refusal of a moment outside the calendar FleetOps keeps (<see cref="ListFilter.EarliestDate"/>).</summary>
    public const string OutOfRangeRefusal = "A moment outside the calendar FleetOps keeps.";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text || !Rfc3339.TryParse(text, out var at))
        {
            throw new JsonException(Refusal);
        }
        // The same calendar as the filters' (ListFilter): a work order due in 9999 or a booking from year 1 is a typing
        // mistake, and the periods worked out from it (a reschedule, the calendar feed) would run off the calendar's end.
        if (DateOnly.FromDateTime(at.UtcDateTime) is var day && (day < ListFilter.EarliestDate || day > ListFilter.LatestDate))
        {
            throw new JsonException(OutOfRangeRefusal);
        }
        return at;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
