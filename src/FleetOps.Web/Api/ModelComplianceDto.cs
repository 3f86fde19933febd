using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Api;

/// <summary>One model's line of <c>GET /api/v1/software/compliance</c> (docs/api.md §7).</summary>
public sealed record ModelComplianceDto(string Model, string? TargetAppVersion, string? MinimumAppVersion, int Terminals, int Current,
    int Outdated, int Unsupported, int Unknown)
{
    public static ModelComplianceDto From(ComplianceCount c, SoftwareTarget? target) =>
        new(c.Key, target?.AppVersion, target?.MinimumAppVersion, c.Terminals, c.Current, c.Outdated, c.Unsupported, c.Unknown);
}
