using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace FleetOps.Web.Live;

/// <summary>
/// The fleet hub on several nodes: its groups stay on this node, everything else goes through the Redis backplane.
/// Every node holds the whole fleet (the change feed, <see cref="BookFollower"/>), so each node's
/// <see cref="FleetHubBroadcaster"/> pushes every terminal change to the groups of the connections it holds itself; a group
/// message never needs another node. Kept in this node's memory (<see cref="DefaultHubLifetimeManager{THub}"/>, serialised
/// once for all members), those pushes go on while Redis is down and arrive once, not once per node. Messages to a user, a
/// connection or everyone (a disabled user's pages, a role change) may concern a connection held by another node and go
/// through Redis (<see cref="RedisHubLifetimeManager{THub}"/>, which still writes straight to a connection it holds).
/// Every connection is known to both: the local one for its groups, the Redis one for its user and connection channels.
/// </summary>
public sealed class FleetHubLifetimeManager(
    DefaultHubLifetimeManager<FleetHub> node,
    RedisHubLifetimeManager<FleetHub> cluster) : HubLifetimeManager<FleetHub>
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await node.OnConnectedAsync(connection);
        await cluster.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await node.OnDisconnectedAsync(connection);
        await cluster.OnDisconnectedAsync(connection);
    }

    /// <summary>The hub adds only its own caller, which this node holds (a connection elsewhere is ignored).</summary>
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        node.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        node.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        node.SendGroupAsync(groupName, methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        node.SendGroupsAsync(groupNames, methodName, args, cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) =>
        node.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        cluster.SendAllAsync(methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) =>
        cluster.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        cluster.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args,
        CancellationToken cancellationToken = default) =>
        cluster.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        cluster.SendUserAsync(userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        cluster.SendUsersAsync(userIds, methodName, args, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        cluster.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        cluster.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [NotNullWhen(true)] out Type? type) =>
        cluster.TryGetReturnType(invocationId, out type);
}
