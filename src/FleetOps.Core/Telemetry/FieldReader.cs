using System.Text.Json;

namespace FleetOps.Core.Telemetry;

/// <summary>Typed access to an event's fields with protocol-style error messages.</summary>
internal readonly struct FieldReader(EventFields fields)
{
    public string RequiredString(string name)
    {
        if (!fields.TryGet(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new EventRejected($"'{name}' is required and must be a string.");
        }
        return value.GetString()!;
    }

    public string RequiredText(string name, int maxLength)
    {
        var text = RequiredString(name);
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
        {
            throw new EventRejected($"'{name}' must be 1–{maxLength} characters.");
        }
        return text;
    }

    public string? OptionalText(string name, int maxLength)
    {
        if (!fields.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new EventRejected($"'{name}' must be a string.");
        }
        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > maxLength)
        {
            throw new EventRejected($"'{name}' must be 1–{maxLength} characters.");
        }
        return text;
    }

    public long RequiredInteger(string name, long min, long max, string? why = null) =>
        OptionalInteger(name, min, max, why) ?? throw new EventRejected($"'{name}' is required and must be an integer.");

    /// <param name="why">The reason for the upper bound, told to the terminal when it is exceeded.</param>
    public long? OptionalInteger(string name, long min, long max, string? why = null)
    {
        if (!fields.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new EventRejected($"'{name}' must be an integer.");
        }
        if (number < min || number > max)
        {
            throw new EventRejected(max == long.MaxValue
                ? $"'{name}' must be at least {min}."
                : why is null
                    ? $"'{name}' must be between {min} and {max}."
                    : $"'{name}' must be between {min} and {max} ({why}).");
        }
        return number;
    }
}
