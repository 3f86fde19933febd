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

    /// <summary>
    /// The framework retries a key it cannot decrypt up to ten times, 200 ms apart, logging an error with a stack trace
    /// each time — meant for a remote key vault that may be briefly unreachable. Our keys are decrypted with a
    /// certificate loaded once at start, so a failure is never transient: a database restored without its certificate
    /// cost two seconds and eleven stack traces on every key-ring load. <see cref="KeyRingCertificateCheck"/> says why.
    /// </summary>
    private const string ResolverRetries = "Microsoft.AspNetCore.DataProtection.KeyManagement.MaximumTotalDefaultKeyResolverRetries";

    public static IServiceCollection AddFleetDataProtection(this IServiceCollection services, KeyProtectionOptions options, DatabaseOptions database)
    {
        var certificate = KeyCertificate.Load(options, database.DataFolder);
        services.AddSingleton(certificate);
        services.AddSingleton<KeyRingCertificateCheck>();
        AppContext.SetData(ResolverRetries, "0");
        services.AddDataProtection()
            .SetApplicationName(ApplicationName) // not the content root: every node must derive the same purposes
            .PersistKeysToDbContext<FleetDbContext>()
            .ProtectKeysWithCertificate(certificate.Certificate);
        return services;
    }
}
