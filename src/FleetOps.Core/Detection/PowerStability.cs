namespace FleetOps.Core.Detection;

public sealed record PowerStability(PowerStatus Status, int LossesInWindow, DateTimeOffset? LastLossAt);
