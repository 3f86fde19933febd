namespace FleetOps.Web.Persistence;

/// <summary>
/// A line <see cref="OutageLog"/> hands its caller to write: what happened, since when the spell lasts, how long so far,
/// and the failures it counts — all of the spell's at its end, those since the last line while it lasts.
/// </summary>
public readonly record struct OutageNotice(OutageNoticeKind Kind, DateTimeOffset Since, TimeSpan Lasted, long Failures);
