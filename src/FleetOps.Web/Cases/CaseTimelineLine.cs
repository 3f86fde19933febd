using FleetOps.Web.Fleet;

namespace FleetOps.Web.Cases;

/// <summary>
/// One line of the timeline around a transaction: a stored event (<paramref name="Entry"/>), or a restart seen in the
/// heartbeats (<paramref name="RestartBootId"/>, a power loss when nothing announced it). The page words it.
/// </summary>
public sealed record CaseTimelineLine(DateTimeOffset At, TimelineEntry? Entry, string? RestartBootId, bool IsThisTransaction, bool IsPowerLoss);
