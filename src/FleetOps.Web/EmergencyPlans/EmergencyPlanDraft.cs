namespace FleetOps.Web.EmergencyPlans;

/// <summary>
/// What a manager saves, from the page's form or <c>PUT /api/v1/stores/{code}/emergency-plan</c>. A procedure missing
/// from <see cref="Steps"/> (or null there) follows the template. <see cref="ExpectedVersion"/>, when given, is the version
/// the writer read: a plan saved since then is not overwritten.
/// </summary>
public sealed record EmergencyPlanDraft(
    EmergencyContact? Hotline,
    EmergencyContact? Technician,
    EmergencyContact? Electrician,
    IReadOnlyList<EmergencyContact>? OtherContacts,
    string? UpsLocation,
    string? SpareTerminalLocation,
    string? PaperFormsLocation,
    IReadOnlyDictionary<EmergencyProcedure, IReadOnlyList<string>?>? Steps,
    int? ExpectedVersion = null);
