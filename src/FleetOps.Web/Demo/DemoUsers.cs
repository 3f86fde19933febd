using FleetOps.Web.Security;

namespace FleetOps.Web.Demo;

/// <summary>One demo account per role, so a newcomer can see how scoping changes what each person sees.</summary>
public static class DemoUsers
{
    /// <summary>Only for the demo chain; the sign-in page shows it when the demo is on.</summary>
    public const string Password = "FleetOps-demo-2026";

    public sealed record Account(string Email, string DisplayName, string Role, string[] Regions, string[] Stores);

    public static readonly Account[] Accounts =
    [
        new("admin@fleetops.demo", "Ada Admin", Roles.Administrator, [], []),
        new("east.manager@fleetops.demo", "Eli East", Roles.RegionalManager, ["East"], []),
        new("store.manager@fleetops.demo", "Sam Store", Roles.StoreManager, [], ["SHA-001"]),
        new("technician@fleetops.demo", "Tia Tech", Roles.Technician, [], ["PEK-004", "TSN-005"]),
    ];

    /// <summary>
    /// Tia's colleagues, who did the maintenance history's visits (<see cref="DemoMaintenanceHistory"/>): real people of the
    /// chain, so the KPIs compare technicians, but not offered on the sign-in card — one account per role is enough to try.
    /// </summary>
    public static readonly Account[] Colleagues =
    [
        new("zhang.wei@fleetops.demo", "Zhang Wei", Roles.Technician, [], ["SHA-001", "HGH-002", "NKG-003"]),
        new("li.na@fleetops.demo", "Li Na", Roles.Technician, [], ["CAN-006", "SZX-007"]),
    ];
}
