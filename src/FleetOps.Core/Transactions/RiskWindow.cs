namespace FleetOps.Core.Transactions;

/// <summary>A span of time [From, Until) during which a transaction's money was at risk; Until is null while it still is.</summary>
public readonly record struct RiskWindow(DateTimeOffset From, DateTimeOffset? Until)
{
    public bool Contains(DateTimeOffset at) => at >= From && (Until is not { } until || at < until);
}
