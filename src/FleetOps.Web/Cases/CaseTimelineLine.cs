namespace FleetOps.Web.Cases;

/// <summary>One line of the timeline around a transaction: a stored event, or a restart seen in the heartbeats.</summary>
public sealed record CaseTimelineLine(DateTimeOffset At, string What, string Details, bool IsThisTransaction, bool IsPowerLoss);
