using FleetOps.Core.Wire;
using FleetOps.Web.EmergencyPlans;

namespace FleetOps.Web.Api;

/// <summary>
/// A store's emergency plan (<c>GET /api/v1/stores/{code}/emergency-plan</c>, FleetOps addition). Template steps come in the
/// reader's language; <c>version</c> 0 means nobody has saved the plan yet.
/// </summary>
public sealed record EmergencyPlanDto(
    string StoreCode,
    int Version,
    EmergencyContact Hotline,
    EmergencyContact Technician,
    EmergencyContact Electrician,
    IReadOnlyList<EmergencyContact> OtherContacts,
    string? UpsLocation,
    string? SpareTerminalLocation,
    string? PaperFormsLocation,
    IReadOnlyList<EmergencyProcedureDto> Procedures,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string? LastReviewedBy,
    DateTimeOffset? LastReviewedAt,
    bool ReviewOverdue)
{
    public static EmergencyPlanDto From(EmergencyPlan p, Func<string, string> text, DateTimeOffset now) => new(p.StoreCode, p.Version, p.Hotline,
        p.Technician, p.Electrician, p.OtherContacts, p.UpsLocation, p.SpareTerminalLocation, p.PaperFormsLocation,
        EmergencyPlan.Procedures.Select(x => new EmergencyProcedureDto(x.ToWire(), p.StepsOf(x) is null, p.StepsIn(x, text))).ToList(),
        p.UpdatedBy, p.UpdatedAt, p.ReviewedBy, p.ReviewedAt, p.ReviewOverdue(now));
}
