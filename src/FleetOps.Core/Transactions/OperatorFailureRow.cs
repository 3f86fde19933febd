using FleetOps.Core.Fleet;

namespace FleetOps.Core.Transactions;

/// <summary>Operator-caused failures of one store per day, oldest day first.</summary>
public sealed record OperatorFailureRow(string StoreCode, StoreInfo? Store, IReadOnlyList<int> PerDay)
{
    public int Total => PerDay.Sum();
}
