using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Who acts on maintenance, and the one access rule (issue 14 "Access") the API and the pages share: administrators and
/// regional managers dispatch (create, schedule, cancel, plans) within their scope; store managers see their stores' work;
/// technicians see and do only the work assigned to them at the stores they look after. Checklist templates are the chain's: administrators only.
/// </summary>
public sealed record MaintenanceActor(string Name, string Role, AccessScope Scope)
{
    public static MaintenanceActor Of(UserAccess user) => new(user.Email, user.Role, user.Scope);

    /// <summary>The bootstrap token: an administrator with no user behind it.</summary>
    public static MaintenanceActor Bootstrap { get; } = new(AccessResolver.BootstrapName, Roles.Administrator, AccessScope.All);

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool CanDispatch(string storeCode, StoreDirectory stores) =>
        Role is Roles.Administrator or Roles.RegionalManager && Scope.AllowsStore(storeCode, stores);

    public bool IsAssigned(WorkOrder order) => string.Equals(order.Assignee, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the work order exists for this person at all (otherwise it is answered like a missing one). A technician's
    /// booking outlives their scope (taken off a store, the work stays booked to them until someone books it again): the
    /// store decides, as for everyone, so its work, photos and signatures leave their lists, pages and calendar with it.
    /// </summary>
    public bool CanSee(WorkOrder order, StoreDirectory stores) => Scope.AllowsStore(order.StoreCode, stores)
        && (Role != Roles.Technician || IsAssigned(order));

    /// <summary>Start, record results, upload photos, wait, complete: the assigned technician, or a dispatcher of the store.</summary>
    public bool CanWork(WorkOrder order, StoreDirectory stores) => IsAssigned(order) && Scope.AllowsStore(order.StoreCode, stores)
        || CanDispatch(order.StoreCode, stores);
}
