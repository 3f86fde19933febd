using FleetOps.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// <c>/hubs/fleet</c>: pushes terminal state changes to external clients (wall displays, integrations).
/// Clients receive <c>terminalsChanged</c> with a list of terminals in the management API's shape.
/// </summary>
[Authorize(AuthenticationSchemes = ApiTokenAuthenticationHandler.SchemeName)]
public sealed class FleetHub : Hub
{
    public const string Path = "/hubs/fleet";
    public const string TerminalsChanged = "terminalsChanged";
}
