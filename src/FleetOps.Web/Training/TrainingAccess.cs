using FleetOps.Core.Fleet;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Training;

/// <summary>
/// The one access rule of training (issue 15 "Access"), shared by the API and the pages; the person is a
/// <see cref="MaintenanceActor"/> (name, role, scope). Everyone sees the training of the stores in their scope.
/// Administrators, regional managers and store managers keep the rosters of their stores and record sessions there;
/// technicians record sessions at the stores they visit — where work orders are assigned to them, as maintenance scopes
/// a technician — but never edit a roster.
/// </summary>
public sealed class TrainingAccess(StoreDirectory stores, MaintenanceBook maintenance)
{
    public bool CanSee(MaintenanceActor actor, string storeCode) => actor.Scope.AllowsStore(storeCode, stores);

    public bool CanKeepStaff(MaintenanceActor actor, string storeCode) =>
        actor.Role is Roles.Administrator or Roles.RegionalManager or Roles.StoreManager && CanSee(actor, storeCode);

    public bool CanRecord(MaintenanceActor actor, string storeCode) =>
        CanKeepStaff(actor, storeCode) || actor.Role == Roles.Technician && CanSee(actor, storeCode) && Visits(actor).Contains(storeCode);

    /// <summary>The stores where the technician has work assigned (any state: a visit done last week still lets them record its training).</summary>
    public IReadOnlySet<string> Visits(MaintenanceActor actor) =>
        maintenance.All.Where(actor.IsAssigned).Select(o => o.StoreCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
