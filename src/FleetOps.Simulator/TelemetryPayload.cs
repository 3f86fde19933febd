using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FleetOps.Simulator;

internal static class EventTypes
{
    public const string Heartbeat = "heartbeat";
    public const string Power = "power";
    public const string Transaction = "transaction";
}

internal static class PowerStates
{
    public const string Lost = "lost";
    public const string Restored = "restored";
    public const string LowBattery = "low_battery";
    public const string Brownout = "brownout";
    public const string Shutdown = "shutdown";
}

internal static class Stages
{
    public const string Authorized = "authorized";
    public const string Signed = "signed";
    public const string Completed = "completed";
    public const string Voided = "voided";
    public const string Reversed = "reversed";
    public const string Declined = "declined";
    public const string Settled = "settled";
}

internal sealed class TelemetryRequest
{
    public required string TerminalId { get; init; }
    public required IReadOnlyList<TelemetryEvent> Events { get; init; }
}

// One flat shape for all event types; null fields are omitted, which is what distinguishes the types on the wire.
// Instances are immutable once queued because a resend must carry exactly the same event.
internal sealed class TelemetryEvent
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset At { get; init; }

    public string? BootId { get; init; }
    public long? UptimeSeconds { get; init; }
    public string? AppVersion { get; init; }
    public string? FirmwareVersion { get; init; }
    public string? PowerSource { get; init; }
    public int? BatteryPercent { get; init; }
    public int? PendingReversals { get; init; }
    public int? OpenBatchCount { get; init; }
    public long? OpenBatchAmountMinor { get; init; }

    public string? State { get; init; }

    public string? TransactionId { get; init; }
    public string? Stage { get; init; }
    public long? AmountMinor { get; init; }
    public string? Currency { get; init; }
    public string? MaskedPan { get; init; }
    public string? AuthCode { get; init; }
    public string? Rrn { get; init; }
    public string? BatchNumber { get; init; }
}

internal sealed class TelemetryResponse
{
    public int Accepted { get; set; }
    public int Duplicates { get; set; }
    public List<RejectedEvent>? Rejected { get; set; }
    public TelemetryDirectives? Directives { get; set; }
}

internal sealed class RejectedEvent
{
    public int Index { get; set; }
    public string? Id { get; set; }
    public string? Error { get; set; }
}

internal sealed class TelemetryDirectives
{
    public int? HeartbeatIntervalSeconds { get; set; }
    public string? TargetAppVersion { get; set; }
    public string? TargetFirmwareVersion { get; set; }
}

internal sealed record StoreCreateRequest(string Code, string Name, string Region, string TimeZone);

internal sealed record TerminalCreateRequest(string TerminalId, string StoreCode, string Model, string SerialNumber);

internal sealed class TerminalCreatedResponse
{
    public string? TerminalId { get; set; }
    public string? Key { get; set; }
}

internal sealed class ProblemResponse
{
    public string? Title { get; set; }
    public string? Detail { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TelemetryRequest))]
[JsonSerializable(typeof(TelemetryResponse))]
[JsonSerializable(typeof(StoreCreateRequest))]
[JsonSerializable(typeof(TerminalCreateRequest))]
[JsonSerializable(typeof(TerminalCreatedResponse))]
[JsonSerializable(typeof(ProblemResponse))]
internal sealed partial class SimulatorJson : JsonSerializerContext;

internal static class JsonBody
{
    private static readonly MediaTypeHeaderValue ContentType = new("application/json") { CharSet = "utf-8" };

    // Serialised up front so the request carries a Content-Length instead of a chunked body.
    public static ByteArrayContent Create<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = ContentType;
        return content;
    }
}
