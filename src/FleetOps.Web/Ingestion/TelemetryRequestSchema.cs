using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The body of <c>POST /api/v1/telemetry</c> as the API reference shows it (docs/api.md §1). The endpoint reads the body
/// itself (<see cref="FleetOps.Core.Telemetry.TelemetryBatch"/>, bounded, with per-event errors); this type only describes
/// it, so the reference and the parser cannot disagree on names: the tests compare them.
/// </summary>
[Description("One request of a terminal: its id and 1–500 events, at most 1 MiB.")]
public sealed class TelemetryRequestSchema
{
    [Required, Description("The terminal the key belongs to.")]
    public required string TerminalId { get; init; }

    [Required, MinLength(1), MaxLength(500), Description("Heartbeats, power events and transaction stages, in any order; the server orders by `at`.")]
    public required IReadOnlyList<TelemetryEventSchema> Events { get; init; }
}
