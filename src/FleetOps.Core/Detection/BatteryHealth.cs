namespace FleetOps.Core.Detection;

/// <summary>
/// What the last measured run on battery says about a terminal's battery (docs/api.md §6): the whole minutes it lasted
/// and when that run ended; both null while no run was measured (<see cref="BatteryStatus.Unknown"/>).
/// </summary>
public sealed record BatteryHealth(BatteryStatus Status, int? LastRuntimeMinutes, DateTimeOffset? MeasuredAt)
{
    public static readonly BatteryHealth Unknown = new(BatteryStatus.Unknown, null, null);
}
