using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetOps.Web.Api;

/// <summary>
/// Reads the dates of request bodies (a plan's first day, a person's start, a training day) as <c>yyyy-MM-dd</c> within the
/// calendar the filters keep (<see cref="ListFilter.EarliestDate"/>): a start in 9999 made a person count as never trained
/// for ever, and the days worked out from such a date run off the calendar's end.
/// </summary>
public sealed class CalendarDateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new JsonException(Refusal);
        }
        if (day < ListFilter.EarliestDate || day > ListFilter.LatestDate) throw new JsonException(OffsetTimestampConverter.OutOfRangeRefusal);
        return day;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Its refusal of text that is not a date; the problem's detail names the field (BadRequestProblems).</summary>
    public const string Refusal = "Not a date (yyyy-MM-dd).";
}
