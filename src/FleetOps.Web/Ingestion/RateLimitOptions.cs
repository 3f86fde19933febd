using FleetOps.Core.Settings;

namespace FleetOps.Web.Ingestion;

/// <summary><c>FleetOps:RateLimits</c>.</summary>
public sealed class RateLimitOptions : ICheckedSettings
{
    public const string Section = "FleetOps:RateLimits";

    /// <summary>Sustained telemetry requests per second per terminal key; a backlog replay bursts above it.</summary>
    public int TelemetryRequestsPerSecond { get; set; } = 10;
    public int TelemetryBurst { get; set; } = 60;

    /// <summary>Sign-in attempts per minute from one address (password guessing across many accounts).</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>A limiter with no tokens would refuse every request; the load tests raise the limits to 100,000.</summary>
    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(TelemetryRequestsPerSecond, 1, 1_000_000)
        .Range(TelemetryBurst, 1, 1_000_000)
        .Range(SignInPerMinute, 1, 100_000)
        .ToList();
}
