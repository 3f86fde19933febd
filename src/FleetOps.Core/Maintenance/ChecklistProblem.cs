namespace FleetOps.Core.Maintenance;

/// <summary>One item that stops a work order from being completed.</summary>
public sealed record ChecklistProblem(string Item, ChecklistProblemReason Reason);
