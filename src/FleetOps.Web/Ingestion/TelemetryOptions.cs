namespace FleetOps.Web.Ingestion;

/// <summary><c>FleetOps:Telemetry</c>: what the server tells terminals in <c>directives</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "FleetOps:Telemetry";
    public int HeartbeatIntervalSeconds { get; set; } = 60;
}
