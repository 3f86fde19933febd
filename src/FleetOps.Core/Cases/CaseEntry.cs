namespace FleetOps.Core.Cases;

/// <summary>One line of a case's append-only trail: who changed what, when.</summary>
public sealed record CaseEntry(DateTimeOffset At, string Actor, CaseEntryKind Kind, string Text);
