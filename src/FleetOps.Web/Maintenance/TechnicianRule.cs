using FleetOps.Core.Fleet;
using FleetOps.Web.Security;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Whom a store's work may be booked to: someone whose scope takes the store in, or they could not see the work they are
/// booked for. A plan's default technician, whose work the generator books without asking, is held to it when the plan is
/// made, with the sentence booking by hand (<see cref="MaintenanceService.ScheduleAsync"/>) refuses with (translated by
/// <c>Problem.AssigneeOutOfScope</c>).
/// </summary>
public static class TechnicianRule
{
    /// <summary>Why <paramref name="person"/> cannot be booked work at <paramref name="storeCode"/>, or null.</summary>
    public static string? Problem(UserAccess person, string storeCode, StoreDirectory stores) =>
        person.Scope.AllowsStore(storeCode, stores) ? null : $"{person.Email} does not look after store {storeCode}.";
}
