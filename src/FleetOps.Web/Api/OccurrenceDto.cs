namespace FleetOps.Web.Api;

/// <summary>A plan's occurrence ahead (FleetOps addition), and its work order once generated.</summary>
public sealed record OccurrenceDto(string StoreCode, string? TerminalId, DateOnly Date, DateTimeOffset DueAt, long? WorkOrderId);
