using FleetOps.Web.Security;

namespace FleetOps.Web.Election;

/// <summary>
/// <c>GET /api/v1/node</c>, administrators only: whether the node that answers leads the elected work — what an operator
/// asks first when a webhook came twice or not at all ("which node is sending?").
/// </summary>
public static class NodeApi
{
    public static IEndpointRouteBuilder MapNodeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/node", (Leadership leadership) => TypedResults.Ok(NodeDto.Of(leadership)))
            .RequireAuthorization(AccessPolicies.Administrator).WithTags("Management API").WithName("GetNode")
            .WithSummary("The node that answers: its name, whether the nodes elect a leader, and whether this one leads the elected work");
        return app;
    }
}
