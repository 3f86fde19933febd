namespace FleetOps.Web.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string RegionalManager = "RegionalManager";
    public const string StoreManager = "StoreManager";
    public const string Technician = "Technician";

    public static readonly string[] All = [Administrator, RegionalManager, StoreManager, Technician];

    /// <summary>The Identity role of a wire role.</summary>
    public static string Of(UserRole role) => role switch
    {
        UserRole.Administrator => Administrator,
        UserRole.RegionalManager => RegionalManager,
        UserRole.StoreManager => StoreManager,
        _ => Technician,
    };

    /// <summary>The wire role of an Identity role; a role FleetOps does not know reads as technician, as UserDirectory reads a missing one.</summary>
    public static UserRole WireRole(string role) => role switch
    {
        Administrator => UserRole.Administrator,
        RegionalManager => UserRole.RegionalManager,
        StoreManager => UserRole.StoreManager,
        _ => UserRole.Technician,
    };

    public static string Title(string role) => role switch
    {
        RegionalManager => "Regional manager",
        StoreManager => "Store manager",
        _ => role,
    };
}
