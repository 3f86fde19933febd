using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// What committed events change in memory, built aside by <see cref="TelemetryDerivation"/> and published at once: new
/// snapshots, merged transaction records, and the terminals whose power history moved (their sales are judged again).
/// </summary>
public sealed class DerivedChanges
{
    public Dictionary<string, TerminalSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string, string), (TransactionRecord Record, string StoreCode)> Transactions { get; } = [];
    public HashSet<string> PowerChanged { get; } = new(StringComparer.Ordinal);
}
