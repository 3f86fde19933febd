using FleetOps.Web.EmergencyPlans;

namespace FleetOps.Web.Api;

/// <summary>
/// <c>PUT /api/v1/stores/{code}/emergency-plan</c> (FleetOps addition): the whole plan. <c>version</c>, when given, is the
/// version the writer read; a plan saved since then answers 409 instead of being overwritten.
/// </summary>
public sealed record EmergencyPlanRequest(
    int? Version,
    EmergencyContact? Hotline,
    EmergencyContact? Technician,
    EmergencyContact? Electrician,
    IReadOnlyList<EmergencyContact>? OtherContacts,
    string? UpsLocation,
    string? SpareTerminalLocation,
    string? PaperFormsLocation,
    IReadOnlyList<EmergencyStepsRequest>? Procedures);
