using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// One thing on a calendar day: a booked work order (<see cref="Order"/>, with its slot in the calendar's zone and whether
/// it overlaps another booking of the same technician), or a plan's visit not generated yet (<see cref="Planned"/>).
/// </summary>
public sealed record CalendarEntry(DateOnly Day, WorkOrder? Order, PlannedOccurrence? Planned, MaintenancePlan? Plan)
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public bool Conflict { get; init; }
}
