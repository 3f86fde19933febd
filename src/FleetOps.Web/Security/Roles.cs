namespace FleetOps.Web.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string RegionalManager = "RegionalManager";
    public const string StoreManager = "StoreManager";
    public const string Technician = "Technician";

    public static readonly string[] All = [Administrator, RegionalManager, StoreManager, Technician];

    public static string Title(string role) => role switch
    {
        RegionalManager => "Regional manager",
        StoreManager => "Store manager",
        _ => role,
    };
}
