using FleetOps.Web.Api;
namespace FleetOps.Web.Reconciliation;

/// <summary>The body of <c>PUT /api/v1/reconciliation/profiles/{name}</c>: the whole profile (a save replaces it).</summary>
public sealed record ReportProfileRequest(
    string? Acquirer,
    Dictionary<string, string>? Columns,
    string? DateFormat,
    bool AmountsInMajorUnits,
    Dictionary<string, string>? TypeWords);
