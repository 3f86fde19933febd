using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Components.Transactions;

/// <summary>A sale reversed after a power loss: the customer was refunded, but the goods may have left the store.</summary>
public sealed record LostSale(TrackedTransaction Sale, StoreInfo? Store, DateTimeOffset ReversedAt);
