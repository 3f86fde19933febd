namespace FleetOps.Web.Live;

/// <summary>
/// The fleet hub's group names. Groups are each node's own: with several nodes every node holds the whole fleet (the
/// change feed) and its <see cref="FleetHubBroadcaster"/> pushes every change to the connections it holds, so group
/// messages never travel between nodes (<see cref="FleetHubLifetimeManager"/>).
/// </summary>
public sealed class HubGroups
{
    /// <summary>Administrators' connections: every terminal.</summary>
    public string All => "all";

    /// <summary>The connections whose scope holds this store.</summary>
    public string Store(string storeCode) => "store:" + storeCode.ToUpperInvariant();
}
