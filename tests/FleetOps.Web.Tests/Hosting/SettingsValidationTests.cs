using System.Net;
using System.Security.Cryptography.X509Certificates;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// A wrong setting stops the server at start with a message that names it (and, for a number out of range, the value
/// found), whether the wiring reads it before the host is built or the host checks it as it starts.
/// </summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "FleetOps:Detection:OfflineAfterSeconds", "-1", "FleetOps:Detection:OfflineAfterSeconds must be between 1 and 86400 (was -1)" },
        { "FleetOps:Detection:CompletionTimeoutSeconds", "five minutes", "FleetOps:Detection:CompletionTimeoutSeconds" },
        { "FleetOps:Detection:UnstablePowerWindowHours", "0", "FleetOps:Detection:UnstablePowerWindowHours must be between" },
        { "FleetOps:Detection:SettleWithinHours", "NaN", "FleetOps:Detection:SettleWithinHours must be between" },
        { "FleetOps:Detection:StoreWideShare", "1.5", "FleetOps:Detection:StoreWideShare must be between 0.01 and 1 (was 1.5)" },
        { "FleetOps:Detection:BatteryWeakRuntimeMinutes", "0", "FleetOps:Detection:BatteryWeakRuntimeMinutes must be between 1 and 1440 (was 0)" },
        { "FleetOps:RateLimits:TelemetryBurst", "0", "FleetOps:RateLimits:TelemetryBurst must be between 1 and" },
        { "FleetOps:RateLimits:SignInPerMinute", "-3", "FleetOps:RateLimits:SignInPerMinute" },
        { "FleetOps:Database:Provider", "Oracle", "FleetOps:Database:Provider" },
        { "FleetOps:Database:Provider", "7", "FleetOps:Database:Provider must be one of Sqlite, Postgres (was 7)" },
        { "FleetOps:Database:PostgresGatherMicroseconds", "-1", "FleetOps:Database:PostgresGatherMicroseconds must be between 0 and 10000 (was -1)" },
        { "ConnectionStrings:FleetOps", "Data Source=x.db;Flavour=strawberry", "ConnectionStrings:FleetOps is not a valid Sqlite connection string" },
        { "FleetOps:Telemetry:HeartbeatIntervalSeconds", "0", "FleetOps:Telemetry:HeartbeatIntervalSeconds must be between 1 and 86400 (was 0)" },
        { "FleetOps:Telemetry:MaxEventAgeDays", "99999999999", "FleetOps:Telemetry:MaxEventAgeDays" },
        { "FleetOps:Retention:HeartbeatHours", "-5", "FleetOps:Retention:HeartbeatHours must be between" },
        { "FleetOps:Retention:SweepMinutes", "0", "FleetOps:Retention:SweepMinutes" },
        // The heartbeats' boot rows, kept 168 h by default, must cover the power history of 7 windows.
        { "FleetOps:Detection:UnstablePowerWindowHours", "25", "FleetOps:Detection:UnstablePowerWindowHours must be at most 24 hours while FleetOps:Retention:HeartbeatHours is 168 (was 25)" },
        { "FleetOps:Retention:HeartbeatHours", "100", "FleetOps:Detection:UnstablePowerWindowHours must be at most 14.286 hours while FleetOps:Retention:HeartbeatHours is 100 (was 24)" },
        { "FleetOps:Demo:HeartbeatSeconds", "0", "FleetOps:Demo:HeartbeatSeconds" },
        { "FleetOps:Demo:Terminals", "lots", "FleetOps:Demo:Terminals" },
        { "FleetOps:SignIn:FailuresBeforePause", "0", "FleetOps:SignIn:FailuresBeforePause" },
        { "FleetOps:SignIn:FirstPause", "00:00:00", "FleetOps:SignIn:FirstPause" },
        { "FleetOps:SignIn:LongestPause", "00:00:30", "FleetOps:SignIn:LongestPause must be between 00:01:00" },
        { "FleetOps:Bootstrap:AdminEmail", "first@fleetops.test", "FleetOps:Bootstrap:AdminPassword" },
        { "FleetOps:Bootstrap:ApiToken", " padded-token ", "FleetOps:Bootstrap:ApiToken" },
        { "FleetOps:DataProtection:CertificatePath", "/nowhere/fleetops.pfx", "FleetOps:DataProtection:CertificatePath points to '/nowhere/fleetops.pfx'" },
        { "FleetOps:Mail:Host", "smtp.example.com", "FleetOps:Mail:FromAddress must be an e-mail address when FleetOps:Mail:Host is set" },
        { "FleetOps:Mail:Port", "0", "FleetOps:Mail:Port must be between 1 and 65535 (was 0)" },
        { "FleetOps:Mail:Security", "Pigeon", "FleetOps:Mail:Security" },
        { "FleetOps:Mail:PublicBaseUrl", "fleetops.example.com", "FleetOps:Mail:PublicBaseUrl must be an absolute http or https URL" },
        { "FleetOps:Mail:DigestSeconds", "601", "FleetOps:Mail:DigestSeconds must be between 0 and 600 (was 601)" },
        { "FleetOps:Leadership:RetrySeconds", "30", "FleetOps:Leadership:RetrySeconds must be between 0.1 and 10 (was 30)" },
        { "FleetOps:Leadership:Mode", "Sometimes", "FleetOps:Leadership:Mode" },
        { "FleetOps:Leadership:Mode", "7", "FleetOps:Leadership:Mode must be one of Auto, Elect, Alone (was 7)" },
        { "FleetOps:Cluster:Enabled", "maybe", "FleetOps:Cluster:Enabled" },
        { "ConnectionStrings:Redis", "127.0.0.1:6399,foo=bar", "ConnectionStrings:Redis is not a valid Redis configuration" },
        { "ConnectionStrings:Redis", "127.0.0.1:notaport", "ConnectionStrings:Redis names no server as host:port" },
        { "Serilog:MinimumLevel:Default", "Loud", "Serilog:MinimumLevel:Default must be one of Verbose, Debug, Information, Warning, Error, Fatal (was Loud)" },
        { "Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "7", "Serilog:MinimumLevel:Override:Microsoft.AspNetCore must be one of" },
        { "Serilog:MinimumLevel", "Chatty", "Serilog:MinimumLevel must be one of" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_setting_stops_the_server_naming_it(string key, string value, string expected)
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Settings = new Dictionary<string, string?> { [key] = value } });

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Messages(error));
        Assert.True(messages.Contains(expected, StringComparison.Ordinal), $"'{expected}' not in:\n{error}"); // the whole exception when it fails
    }

    [Fact]
    public async Task PostgreSQL_without_its_own_connection_string_stops_the_server_naming_it()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Settings = new Dictionary<string, string?> { ["FleetOps:Database:Provider"] = "Postgres", ["ConnectionStrings:FleetOps"] = "" },
        });

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        Assert.Contains("ConnectionStrings:FleetOps must be set when FleetOps:Database:Provider is Postgres", string.Join(" | ", Messages(error)), StringComparison.Ordinal);
    }

    /// <summary>
    /// A certificate without its private key encrypts new keys but cannot read them back: it used to start, then sign
    /// everybody out at every restart with a key read error per request.
    /// </summary>
    [Fact]
    public async Task A_configured_certificate_without_its_private_key_stops_the_start_naming_the_setting()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"fleetops-dp-{Guid.NewGuid():N}.pfx");
        using var configured = DataProtectionKeyTests.NewCertificate();
        using var publicOnly = X509CertificateLoader.LoadCertificate(configured.RawData);
        await File.WriteAllBytesAsync(pfx, publicOnly.Export(X509ContentType.Pfx, "pfx-secret"));
        try
        {
            await using var app = DataProtectionKeyTests.WithCertificate(pfx);

            var error = Record.Exception(() => app.Services);

            Assert.NotNull(error);
            Assert.Contains($"FleetOps:DataProtection:CertificatePath '{pfx}' holds no private key",
                string.Join(" | ", Messages(error)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Theory]
    [InlineData("Serilog:MinimumLevel", "debug")]
    [InlineData("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Information")]
    // Port 1: no Redis answers there. Such a node stopped within the client's 2 s connect timeout used to fail its stop
    // with an OperationCanceledException from the relay that was still connecting.
    [InlineData("ConnectionStrings:Redis", "127.0.0.1:1,abortConnect=false")]
    public async Task A_right_value_of_a_checked_setting_starts_serves_and_stops(string key, string value)
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Settings = new Dictionary<string, string?> { [key] = value } });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/live");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_defaults_start_and_serve()
    {
        await using var app = new FleetOpsApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The messages of an exception and everything inside it (the host wraps several failures in one).</summary>
    private static IEnumerable<string> Messages(Exception error) => error switch
    {
        AggregateException many => [many.Message, .. many.InnerExceptions.SelectMany(Messages)],
        { InnerException: { } inner } => [error.Message, .. Messages(inner)],
        _ => [error.Message],
    };
}
