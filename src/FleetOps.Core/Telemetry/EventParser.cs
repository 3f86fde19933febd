using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Telemetry;

/// <summary>Validates one event of a telemetry request against docs/api.md §1.</summary>
public static partial class EventParser
{
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    private const string AmountReason = "10^12 minor units: no card payment is that large, and totals of such amounts must never overflow";

    /// <summary>No card payment comes near this; with it, no running total of amounts can overflow a long.</summary>
    public const long MaxAmountMinor = 1_000_000_000_000;

    /// <summary>20 years: a terminal's uptime beyond that is a broken counter.</summary>
    public const long MaxUptimeSeconds = 20L * 366 * 24 * 3600;

    /// <summary>The same limit for a version in a heartbeat and in a software event, so both can be compared.</summary>
    public const int MaxVersionLength = 32;

    /// <summary>Enough for an installer's message; a log does not belong in telemetry.</summary>
    public const int MaxSoftwareErrorLength = 500;

    // \z, not $: '$' also matches before a final line break.
    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,64}\z")]
    private static partial Regex EventIdPattern();

    [GeneratedRegex(@"^[A-Z]{3}\z")]
    private static partial Regex CurrencyPattern();

    // Masked: first 6 and last 4 digits at most, the middle masked.
    [GeneratedRegex(@"^[0-9]{0,6}[*Xx•#]{2,}[0-9]{0,4}\z")]
    private static partial Regex MaskedPanPattern();

    public static EventOutcome Parse(int index, JsonElement element, DateTimeOffset serverNow, EventLimits limits)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new EventOutcome(index, null, null, "An event must be a JSON object.");
        }
        var fields = EventFields.Of(element);
        var id = EventText.StringProperty(fields, "id");
        var reader = new FieldReader(fields);
        try
        {
            var problem = EventText.FirstProblem(fields, IsWellFormedTimestamp);
            if (problem is not null)
            {
                throw new EventRejected(problem);
            }
            if (id is null || !EventIdPattern().IsMatch(id))
            {
                throw new EventRejected("'id' must be 1–64 characters of A-Z a-z 0-9 . _ : -");
            }
            var at = ReadTimestamp(reader);
            if (at - serverNow > MaxClockAhead)
            {
                // The server's time is named: when its clock is behind (a virtual machine resumed before NTP caught it up),
                // honest terminals are refused, and their logs should show that the server is the one that is wrong.
                throw new EventRejected(string.Create(CultureInfo.InvariantCulture,
                    $"'at' is more than 5 minutes ahead of the server clock, which reads {serverNow.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; if that time is wrong, the event is accepted once the server's clock is corrected."));
            }
            var typeName = reader.RequiredString("type");
            if (!WireNames.TryParse(typeName, out EventType type))
            {
                throw new EventRejected($"'type' must be one of: {string.Join(", ", WireNames.Names<EventType>())}.");
            }
            if (limits.TooOld(type, at, serverNow) is { } tooOld)
            {
                throw new EventRejected(tooOld);
            }
            TelemetryEvent parsed = type switch
            {
                EventType.Heartbeat => ParseHeartbeat(id, at, reader),
                EventType.Power => ParsePower(id, at, reader),
                EventType.Software => ParseSoftware(id, at, reader),
                _ => ParseTransaction(id, at, reader),
            };
            return new EventOutcome(index, id, parsed, null);
        }
        catch (EventRejected rejected)
        {
            // The id is echoed only when it is text that may be kept (never a card number, NUL or a lone surrogate).
            return new EventOutcome(index, id is not null && id.Length <= 64 && TextRules.Problem("id", id) is null ? id : null, null, rejected.Message);
        }
    }

    /// <summary>
    /// The one value left out of the card-number scan: the top-level 'at', and only once it is a strict RFC 3339
    /// timestamp. With fractional seconds its digits run on past 13 once the separators are dropped
    /// ("08:00:00.123456789+08:00" is 17 digits) and would be refused as a card number about once in ten; the
    /// pattern leaves room for nothing but a date, a time and an offset, so no card number can hide in it.
    /// </summary>
    private static bool IsWellFormedTimestamp(string name, JsonElement value) =>
        name == "at" && value.ValueKind == JsonValueKind.String && EventText.ReadString(value) is { } text && Rfc3339.IsWellFormed(text);

    private static DateTimeOffset ReadTimestamp(FieldReader reader)
    {
        var text = reader.RequiredString("at");
        if (!Rfc3339.TryParse(text, out var at))
        {
            throw new EventRejected("'at' must be an RFC 3339 timestamp with an offset, e.g. 2026-11-25T08:00:00+08:00.");
        }
        return at;
    }

    private static HeartbeatEvent ParseHeartbeat(string id, DateTimeOffset at, FieldReader reader)
    {
        var bootId = reader.RequiredText("bootId", 64);
        var uptime = reader.RequiredInteger("uptimeSeconds", 0, MaxUptimeSeconds, "20 years");
        // Pooled: every terminal of a model reports the same few versions, and the fleet keeps each terminal's latest.
        var app = PooledText.Get(reader.RequiredText("appVersion", MaxVersionLength));
        var firmware = PooledText.Get(reader.RequiredText("firmwareVersion", MaxVersionLength));
        if (!WireNames.TryParse(reader.RequiredString("powerSource"), out PowerSource source))
        {
            throw new EventRejected("'powerSource' must be 'mains' or 'battery'.");
        }
        return new HeartbeatEvent(id, at, bootId, uptime, app, firmware, source,
            (int?)reader.OptionalInteger("batteryPercent", 0, 100),
            (int?)reader.OptionalInteger("pendingReversals", 0, 100_000),
            (int?)reader.OptionalInteger("openBatchCount", 0, 1_000_000),
            reader.OptionalInteger("openBatchAmountMinor", 0, MaxAmountMinor, AmountReason),
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

    /// <summary>An update step; <c>error</c> is kept as the terminal wrote it, so it passed the text rule with the rest.</summary>
    private static SoftwareEvent ParseSoftware(string id, DateTimeOffset at, FieldReader reader)
    {
        if (!WireNames.TryParse(reader.RequiredString("state"), out SoftwareState state))
        {
            throw new EventRejected($"'state' must be one of: {string.Join(", ", WireNames.Names<SoftwareState>())}.");
        }
        var version = PooledText.Get(reader.RequiredText("version", MaxVersionLength));
        return new SoftwareEvent(id, at, state, version, reader.OptionalText("error", MaxSoftwareErrorLength));
    }

    private static TransactionEvent ParseTransaction(string id, DateTimeOffset at, FieldReader reader)
    {
        var transactionId = reader.RequiredText("transactionId", 64);
        if (!WireNames.TryParse(reader.RequiredString("stage"), out TransactionStage stage))
        {
            throw new EventRejected($"'stage' must be one of: {string.Join(", ", WireNames.Names<TransactionStage>())}.");
        }
        var amount = reader.RequiredInteger("amountMinor", 1, MaxAmountMinor, AmountReason);
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
        return currency is null ? null : PooledText.Get(currency);
    }
}

/// <summary>Thrown inside <see cref="EventParser"/> to refuse one event; never escapes it.</summary>
internal sealed class EventRejected(string message) : Exception(message);
