namespace FleetOps.Web.Live;

/// <summary>
/// The fleet hub's group names, which are this node's own. With several nodes every node holds the whole fleet (the
/// change feed) and its <see cref="FleetHubBroadcaster"/> pushes every change; through the Redis backplane a group name
/// shared by the nodes would deliver each change once per node. So each node's groups carry a tag of their own, and the
/// broadcaster reaches only the connections its node holds. One per host (a singleton), not per process: tests run two
/// nodes in one process.
/// </summary>
public sealed class HubGroups
{
    private readonly string _node = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Administrators' connections: every terminal.</summary>
    public string All => _node + ":all";

    /// <summary>The connections whose scope holds this store.</summary>
    public string Store(string storeCode) => _node + ":store:" + storeCode.ToUpperInvariant();
}
