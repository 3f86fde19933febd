using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>A saved column-mapping profile: its name (what an import's <c>profile</c> names), its acquirer and its layout.</summary>
public sealed record ReportProfile(string Name, string Acquirer, ReportLayout Layout, string UpdatedBy, DateTimeOffset UpdatedAt);
