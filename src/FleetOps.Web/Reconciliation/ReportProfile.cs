using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>A column-mapping profile: the acquirer it belongs to and the layout it reads. The generic format is built in.</summary>
public sealed record ReportProfile(string Acquirer, ReportLayout Layout, bool BuiltIn, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public string Name => Layout.Name;

    /// <summary>The built-in generic format of PROTOCOL §11, good for every acquirer and never edited.</summary>
    public static ReportProfile Generic { get; } = new("", ReportLayout.Generic, true, null, null);
}
