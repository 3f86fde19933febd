using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Demo;

/// <summary>
/// The demo's stories act as its people, so the audit log, a plan's reviewer and a work order's creator read as a chain's
/// would ("admin@fleetops.demo"), not as the bootstrap token. A person the directory does not hold (their account could not
/// be made) falls back to the bootstrap actor: the story still happens.
/// </summary>
public sealed class DemoPeople(UserDirectory users)
{
    public MaintenanceActor Administrator => Actor(DemoUsers.Accounts.First(a => a.Role == Roles.Administrator));

    public MaintenanceActor Actor(DemoUsers.Account account) =>
        users.All.FirstOrDefault(u => string.Equals(u.Email, account.Email, StringComparison.OrdinalIgnoreCase)) is { Disabled: false } user
            ? MaintenanceActor.Of(user)
            : MaintenanceActor.Bootstrap;
}
