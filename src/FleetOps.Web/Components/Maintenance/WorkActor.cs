using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// Who the signed-in person is for maintenance, by the same rule as the API (WorkOrdersApi.Actor): their user, else the
/// bootstrap administrator, else nobody — so a page shows exactly what the services would let them see and do.
/// </summary>
public static class WorkActor
{
    public static async Task<MaintenanceActor> ResolveAsync(CurrentAccess access) =>
        await access.UserAsync() is { } user ? MaintenanceActor.Of(user)
        : await access.IsAdministratorAsync() ? MaintenanceActor.Bootstrap
        : new MaintenanceActor(await access.ActorNameAsync(), "", FleetOps.Core.Access.AccessScope.Nothing);
}
