using FleetOps.Core.Fleet;
using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary><c>GET /api/v1/software/compliance</c> (docs/api.md §7): the caller's terminals in service, counted per model.</summary>
public static class SoftwareApi
{
    public static IEndpointRouteBuilder MapSoftwareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/software").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Software");
        api.MapGet("/compliance", Compliance).WithName("GetSoftwareCompliance");
        return app;
    }

    public static ComplianceDto Compliance(FleetState fleet, StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        var compliance = SoftwareCompliance.Of(access.Scope(context.User).Terminals(fleet, stores), fleet.TargetFor);
        return new ComplianceDto(compliance.Models.Select(m => ModelComplianceDto.From(m, fleet.TargetFor(m.Key))).ToList());
    }
}
