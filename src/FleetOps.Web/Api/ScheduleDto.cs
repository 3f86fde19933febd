namespace FleetOps.Web.Api;

/// <summary>The booking made, and the technician's other bookings that overlap it (a warning, not a refusal).</summary>
public sealed record ScheduleDto(IReadOnlyList<ConflictDto> Conflicts, WorkOrderDto WorkOrder);
