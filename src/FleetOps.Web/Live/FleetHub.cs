using FleetOps.Core.Fleet;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// <c>/hubs/fleet</c>: pushes terminal state changes to external clients (wall displays, integrations).
/// Clients receive <c>terminalsChanged</c> with a list of terminals in the management API's shape — only
/// terminals of stores their user may see: each connection joins one group per store in scope (or the
/// "all" group for administrators) when it connects — this node's groups (<see cref="HubGroups"/>).
/// </summary>
[Authorize(Policy = AccessPolicies.SignedIn)]
public sealed class FleetHub(AccessResolver access, StoreDirectory stores, HubConnections connections, HubGroups groups) : Hub
{
    public const string Path = "/hubs/fleet";
    public const string TerminalsChanged = "terminalsChanged";
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var scope = access.Scope(user);
        var storeCodes = scope.StoreCodes(stores);
        if (storeCodes is null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, groups.All);
        }
        else
        {
            foreach (var code in storeCodes)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, groups.Store(code));
            }
        }
        // With the stores it joined: a store that later joins or leaves one of the user's regions closes it (HubConnections).
        connections.Add(access.User(user)?.UserId, Context, storeCodes);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
