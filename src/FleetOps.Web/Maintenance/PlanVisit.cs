namespace FleetOps.Web.Maintenance;

/// <summary>One visit a plan calls for on a local date: where, when it is due, and its work order once generated.</summary>
public sealed record PlanVisit(string StoreCode, string? TerminalId, DateOnly Date, DateTimeOffset DueAt, long? WorkOrderId);
