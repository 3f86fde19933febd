using System.Text.Json;
using CommunityToolkit.HighPerformance.Buffers;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Persistence;

/// <summary>The latest-state columns of a terminal, stored as one JSON value.</summary>
/// <param name="VersionsSince">Since when it reports its current app and firmware versions (absent in rows written before
/// it existed: the loader then takes the heartbeat's time).</param>
/// <param name="Software">The newest software event (absent in rows written before it existed).</param>
public sealed record LatestState(HeartbeatFacts? Heartbeat, PowerSource? PowerSource, int? BatteryPercent, DateTimeOffset? PowerFactsAt,
    DateTimeOffset? VersionsSince = null, SoftwareActivity? Software = null)
{
    public static LatestState Of(TerminalSnapshot s) => new(s.Heartbeat, s.PowerSource, s.BatteryPercent, s.PowerFactsAt, s.VersionsSince, s.Software);

    public string ToJson() => JsonSerializer.Serialize(this, TelemetryJson.Options);

    /// <summary>
    /// The latest-state columns of <c>Terminals</c> as an UPDATE's SET list, from values named seen, contact, app,
    /// firmware and state behind <paramref name="source"/> ("@" for parameters, "s." for a row of an <c>unnest</c>): one
    /// list for every statement that writes them. <see cref="Columns"/> gives their values.
    /// </summary>
    internal static string SetColumnsSql(string source) =>
        $"\"LastSeenAtMs\" = {source}seen, \"LastContactAtMs\" = {source}contact, \"AppVersion\" = {source}app, " +
        $"\"FirmwareVersion\" = {source}firmware, \"LatestStateJson\" = {source}state";

    /// <summary>The values of the columns of <see cref="SetColumnsSql"/> for a snapshot, in its order.</summary>
    internal static (long? SeenAtMs, long? ContactAtMs, string? App, string? Firmware, string Json) Columns(TerminalSnapshot s) =>
        (s.LastSeenAt?.ToUnixTimeMilliseconds(), s.LastContactAt?.ToUnixTimeMilliseconds(), s.AppVersion, s.FirmwareVersion, Of(s).ToJson());

    /// <summary>The same state with its repeating texts (versions, currency) taken from the shared pool.</summary>
    public LatestState Pooled() => Heartbeat is null ? this : this with
    {
        Software = Software is null ? null : Software with { Version = StringPool.Shared.GetOrAdd(Software.Version) },
        Heartbeat = Heartbeat with
        {
            AppVersion = StringPool.Shared.GetOrAdd(Heartbeat.AppVersion),
            FirmwareVersion = StringPool.Shared.GetOrAdd(Heartbeat.FirmwareVersion),
            Currency = Heartbeat.Currency is null ? null : StringPool.Shared.GetOrAdd(Heartbeat.Currency),
        },
    };

    public static LatestState? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<LatestState>(json, TelemetryJson.Options);
}
