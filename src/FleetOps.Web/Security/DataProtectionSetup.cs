using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace FleetOps.Web.Security;

/// <summary>
/// Data Protection keys (they sign and encrypt cookies, anti-forgery tokens and circuits) live in the database, so
/// every node of one deployment shares them and a restart keeps sessions, and each key is encrypted with
/// <see cref="KeyCertificate"/> before it is stored.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "FleetOps";

    public static IServiceCollection AddFleetDataProtection(this IServiceCollection services, KeyProtectionOptions options, DatabaseOptions database)
    {
        var certificate = KeyCertificate.Load(options, database.DataFolder);
        services.AddSingleton(certificate);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName) // not the content root: every node must derive the same purposes
            .PersistKeysToDbContext<FleetDbContext>()
            .ProtectKeysWithCertificate(certificate.Certificate);
        return services;
    }
}
