using FleetOps.Core.Detection;

namespace FleetOps.Web.Api;

public sealed record PowerDto(PowerStatus Status, int LossesInWindow, LikelyCause? LikelyCause, DateTimeOffset? LastLossAt, BatteryDto Battery);
