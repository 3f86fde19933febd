using FleetOps.Web.Cases;
using FleetOps.Web.Fleet;

namespace FleetOps.Web.Api;

/// <summary>
/// A store power incident as <c>GET /api/v1/power/incidents</c> shows it (docs/api.md §6). Times in UTC: live they carry
/// the terminal's offset, rebuilt from the database UTC's, and the same incident must read the same after a restart.
/// </summary>
public sealed record PowerIncidentDto(
    string Id,
    string StoreCode,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int TerminalsAffected,
    int TerminalsInStore,
    int PaymentsInterrupted,
    IReadOnlyList<InterruptedPaymentDto> InterruptedPayments)
{
    public static PowerIncidentDto From(PowerIncident i, CaseBook cases) => new(i.Id, i.StoreCode, i.Incident.StartedAt.ToUniversalTime(),
        i.Incident.EndedAt?.ToUniversalTime(), i.Incident.AffectedTerminals.Count, i.Incident.TerminalsInStore, i.PaymentsInterrupted,
        i.Interrupted.Select(t => InterruptedPaymentDto.From(t, cases)).ToList());
}
