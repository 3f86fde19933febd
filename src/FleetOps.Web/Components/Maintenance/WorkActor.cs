using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// Who the signed-in person is for maintenance, by the same rule as the API (WorkOrdersApi.Actor): their user, else the
/// bootstrap administrator, else nobody — so a page shows exactly what the services would let them see and do.
/// </summary>
public static class WorkActor
{
    /// <summary>
    /// The technicians a page offers to choose (a filter, a booking): enabled, and looking after one of the person's
    /// <paramref name="visibleStores"/>, so a list names nobody the person has no business with.
    /// </summary>
    public static IReadOnlyList<UserAccess> Technicians(UserDirectory users, IReadOnlyList<FleetOps.Core.Fleet.StoreInfo> visibleStores,
        FleetOps.Core.Fleet.StoreDirectory stores) =>
        users.All.Where(u => u.Role == Roles.Technician && !u.Disabled && visibleStores.Any(s => u.Scope.AllowsStore(s.Code, stores)))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();

    public static async Task<MaintenanceActor> ResolveAsync(CurrentAccess access) =>
        await access.UserAsync() is { } user ? MaintenanceActor.Of(user)
        : await access.IsAdministratorAsync() ? MaintenanceActor.Bootstrap
        : new MaintenanceActor(await access.ActorNameAsync(), "", FleetOps.Core.Access.AccessScope.Nothing);
}
