using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The one way committed telemetry becomes in-memory state: accepted events + the current snapshot → the new snapshot
/// and the merged transaction records, then "fleet before book". The event writer calls it for its own commits and the
/// change follower (<see cref="ChangeFollower"/>) for other nodes' commits, so every node derives the same state.
/// </summary>
public sealed class TelemetryDerivation(FleetState fleet, TransactionBook book)
{
    /// <summary>
    /// Held from reading current snapshots to publishing the derived ones. The writer and the follower both derive from
    /// the published state; without the gate one would publish a snapshot derived before the other's change and undo it.
    /// </summary>
    public Lock Gate { get; } = new();

    /// <summary>Adds one terminal's accepted events (received at <paramref name="receivedAt"/>) to <paramref name="changes"/>.</summary>
    /// <param name="loadTransaction">reads a transaction the book no longer holds (closed earlier) back from the database</param>
    /// <returns>the terminal's store, or null for a terminal this node does not know</returns>
    public string? Derive(DerivedChanges changes, string terminalId, IReadOnlyList<TelemetryEvent> accepted, DateTimeOffset receivedAt,
        Func<string, string, TransactionRecord?> loadTransaction)
    {
        var current = changes.Snapshots.GetValueOrDefault(terminalId) ?? fleet.Get(terminalId);
        if (current is null) return null; // registered terminals only reach the writer; a follower may lag a registration
        foreach (var e in accepted)
        {
            switch (e)
            {
                case TransactionEvent sale:
                    var key = (terminalId, sale.TransactionId);
                    var known = changes.Transactions.GetValueOrDefault(key).Record
                                ?? book.Get(terminalId, sale.TransactionId)?.Record
                                ?? loadTransaction(terminalId, sale.TransactionId);
                    changes.Transactions[key] = (known?.With(sale) ?? TransactionRecord.From(terminalId, sale), current.StoreCode);
                    break;
                case PowerEvent or HeartbeatEvent:
                    changes.PowerChanged.Add(terminalId); // a loss or a reboot may explain an unfinished sale
                    break;
            }
        }
        // A resent backlog (all duplicates) still proves the terminal is alive now.
        changes.Snapshots[terminalId] = accepted.Count > 0
            ? current.WithEvents(accepted, receivedAt, fleet.PowerHorizon)
            : current.WithContact(receivedAt);
        return current.StoreCode;
    }

    /// <summary>
    /// Publishes derived changes. Each step runs through <paramref name="guard"/> (named), so a fault in one store keeps
    /// neither the other stores nor the caller's answer from happening.
    /// </summary>
    public void Publish(DerivedChanges changes, Action<string, Action> guard)
    {
        // Fleet before book: the book judges a sale by the terminal's power losses, which it reads from the fleet state,
        // so the fleet must already hold this commit's power and heartbeat events.
        guard("fleet state", () => fleet.Publish(changes.Snapshots.Values));
        if (changes.Transactions.Count > 0) guard("transaction book", () => book.Publish(changes.Transactions.Values));
        // Open sales and recent reversals alike: a reversal may arrive before the loss that makes it a lost sale.
        foreach (var terminalId in changes.PowerChanged) guard("transaction book", () => book.Rejudge(terminalId));
    }
}
