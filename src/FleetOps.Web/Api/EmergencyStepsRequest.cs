namespace FleetOps.Web.Api;

/// <summary>A procedure's own steps in <c>PUT /api/v1/stores/{code}/emergency-plan</c>; <c>steps</c> null (or the procedure left out) keeps the template.</summary>
public sealed record EmergencyStepsRequest(string? Procedure, IReadOnlyList<string>? Steps);
