using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Telemetry;

/// <summary>Validates one event of a telemetry request against PROTOCOL.md §1.</summary>
public static partial class EventParser
{
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex EventIdPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    // RFC 3339 requires an explicit offset ("Z" or ±hh:mm); a bare local time is ambiguous across stores.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();

    // Masked: first 6 and last 4 digits at most, the middle masked.
    [GeneratedRegex(@"^\d{0,6}[*Xx•#]{2,}\d{0,4}$")]
    private static partial Regex MaskedPanPattern();

    public static EventOutcome Parse(int index, JsonElement element, DateTimeOffset serverNow)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new EventOutcome(index, null, null, "An event must be a JSON object.");
        }
        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        var reader = new FieldReader(element);
        try
        {
            var field = FindCardNumber(element);
            if (field is not null)
            {
                throw new EventRejected($"A full card number is not allowed (field '{field}'); send the masked PAN only (first 6 and last 4 digits).");
            }
            if (id is null || !EventIdPattern().IsMatch(id))
            {
                throw new EventRejected("'id' must be 1–64 characters of A-Z a-z 0-9 . _ : -");
            }
            var at = ReadTimestamp(reader);
            if (at - serverNow > MaxClockAhead)
            {
                throw new EventRejected("'at' is more than 5 minutes ahead of the server clock.");
            }
            var typeName = reader.RequiredString("type");
            if (!WireNames.TryParse(typeName, out EventType type))
            {
                throw new EventRejected($"'type' must be one of: {string.Join(", ", WireNames.Names<EventType>())}.");
            }
            TelemetryEvent parsed = type switch
            {
                EventType.Heartbeat => ParseHeartbeat(id, at, reader),
                EventType.Power => ParsePower(id, at, reader),
                _ => ParseTransaction(id, at, reader),
            };
            return new EventOutcome(index, id, parsed, null);
        }
        catch (EventRejected rejected)
        {
            return new EventOutcome(index, id is not null && id.Length <= 64 && !CardNumberGuard.ContainsCardNumber(id) ? id : null, null, rejected.Message);
        }
    }

    private static DateTimeOffset ReadTimestamp(FieldReader reader)
    {
        var text = reader.RequiredString("at");
        if (!Rfc3339Pattern().IsMatch(text)
            // RFC 3339 allows lower-case 't' and 'z'; .NET's parser does not.
            || !DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new EventRejected("'at' must be an RFC 3339 timestamp with an offset, e.g. 2026-11-25T08:00:00+08:00.");
        }
        return at;
    }

    private static HeartbeatEvent ParseHeartbeat(string id, DateTimeOffset at, FieldReader reader)
    {
        var bootId = reader.RequiredText("bootId", 64);
        var uptime = reader.RequiredInteger("uptimeSeconds", 0, long.MaxValue);
        var app = reader.RequiredText("appVersion", 32);
        var firmware = reader.RequiredText("firmwareVersion", 32);
        if (!WireNames.TryParse(reader.RequiredString("powerSource"), out PowerSource source))
        {
            throw new EventRejected("'powerSource' must be 'mains' or 'battery'.");
        }
        return new HeartbeatEvent(id, at, bootId, uptime, app, firmware, source,
            (int?)reader.OptionalInteger("batteryPercent", 0, 100),
            (int?)reader.OptionalInteger("pendingReversals", 0, 100_000),
            (int?)reader.OptionalInteger("openBatchCount", 0, 1_000_000),
            reader.OptionalInteger("openBatchAmountMinor", 0, long.MaxValue),
            OptionalCurrency(reader));
    }

    private static PowerEvent ParsePower(string id, DateTimeOffset at, FieldReader reader)
    {
        if (!WireNames.TryParse(reader.RequiredString("state"), out PowerState state))
        {
            throw new EventRejected($"'state' must be one of: {string.Join(", ", WireNames.Names<PowerState>())}.");
        }
        return new PowerEvent(id, at, state, (int?)reader.OptionalInteger("batteryPercent", 0, 100));
    }

    private static TransactionEvent ParseTransaction(string id, DateTimeOffset at, FieldReader reader)
    {
        var transactionId = reader.RequiredText("transactionId", 64);
        if (!WireNames.TryParse(reader.RequiredString("stage"), out TransactionStage stage))
        {
            throw new EventRejected($"'stage' must be one of: {string.Join(", ", WireNames.Names<TransactionStage>())}.");
        }
        var amount = reader.RequiredInteger("amountMinor", 1, long.MaxValue);
        var currency = OptionalCurrency(reader) ?? throw new EventRejected("'currency' is required (ISO 4217, e.g. CNY).");
        var maskedPan = reader.OptionalText("maskedPan", 19);
        if (maskedPan is not null && !MaskedPanPattern().IsMatch(maskedPan))
        {
            throw new EventRejected("'maskedPan' must be masked: at most the first 6 and the last 4 digits, e.g. 622848******1234.");
        }
        return new TransactionEvent(id, at, transactionId, stage, amount, currency, maskedPan,
            reader.OptionalText("authCode", 12), reader.OptionalText("rrn", 12), reader.OptionalText("batchNumber", 12));
    }

    private static string? OptionalCurrency(FieldReader reader)
    {
        var currency = reader.OptionalText("currency", 3);
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
        {
            throw new EventRejected("'currency' must be an ISO 4217 code of three capital letters.");
        }
        return currency;
    }

    /// <summary>Returns the name of the first field (at any depth) whose value or name holds a full card number.</summary>
    private static string? FindCardNumber(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (CardNumberGuard.ContainsCardNumber(property.Name)) return "(a field name)";
                    var found = FindCardNumber(property.Value, name);
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = FindCardNumber(item, $"{path}[{i++}]");
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.String:
                return CardNumberGuard.ContainsCardNumber(element.GetString()) ? path : null;
            case JsonValueKind.Number:
                return CardNumberGuard.ContainsCardNumber(element.GetRawText()) ? path : null;
            default:
                return null;
        }
    }
}

/// <summary>Thrown inside <see cref="EventParser"/> to refuse one event; never escapes it.</summary>
internal sealed class EventRejected(string message) : Exception(message);
