using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FleetOps.Web.Ingestion;

/// <summary>What every telemetry event carries; <c>type</c> says which kind it is (API reference only).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeartbeatEventSchema), "heartbeat")]
[JsonDerivedType(typeof(PowerEventSchema), "power")]
[JsonDerivedType(typeof(TransactionEventSchema), "transaction")]
[JsonDerivedType(typeof(SoftwareEventSchema), "software")]
public abstract class TelemetryEventSchema
{
    [Required, StringLength(64, MinimumLength = 1), RegularExpression("^[A-Za-z0-9._:-]+$")]
    [Description("Unique per terminal; an id already accepted is counted in `duplicates` and not applied again.")]
    public required string Id { get; init; }

    [Required, Description("When it happened on the terminal, with its offset. More than 5 minutes ahead of the server clock is rejected.")]
    public required DateTimeOffset At { get; init; }
}
