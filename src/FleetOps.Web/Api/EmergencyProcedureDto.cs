namespace FleetOps.Web.Api;

/// <summary>One procedure of an emergency plan: its steps in order, and whether they are still the shipped template's.</summary>
public sealed record EmergencyProcedureDto(string Procedure, bool FromTemplate, IReadOnlyList<string> Steps);
