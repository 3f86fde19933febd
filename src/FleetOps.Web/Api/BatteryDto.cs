using FleetOps.Core.Detection;

namespace FleetOps.Web.Api;

/// <summary>The terminal's battery as the API shows it (docs/api.md §6); <c>lastRuntimeMinutes</c> is null until a run was measured.</summary>
public sealed record BatteryDto(BatteryStatus Status, int? LastRuntimeMinutes)
{
    public static BatteryDto From(BatteryHealth health) => new(health.Status, health.LastRuntimeMinutes);
}
