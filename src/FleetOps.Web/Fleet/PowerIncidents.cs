using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Store power incidents for the API, the power page and (later) the alert centre's <c>store_power_outage</c> alerts.
/// Nothing is stored: each read derives them from the fleet's power histories (<see cref="StorePowerIncidentRule"/>), which
/// the writer feeds with committed events only and start-up rebuilds from the database — so incidents survive a restart
/// for as long as the power history reaches back (<see cref="FleetState.PowerHorizon"/>), and a read right after an
/// ingest answer already sees that ingest. Only stores with a terminal that had a loss are looked at, and a store whose
/// terminals' power histories have not changed since the last read reuses that read's incidents (<see cref="StoreIncidentMemo"/>).
/// </summary>
public sealed class PowerIncidents(FleetState fleet, TransactionBook book, TimeProvider time)
{
    // Why a memo: the alert centre reads every store's incidents every 5 s. After a fleet-wide reboot (every terminal with a
    // loss, every store a candidate) deriving them again allocated ~23 MB a second on an idle server — enough to keep its
    // memory from ever being handed back (docs/benchmarks.md, issue 9) — for incidents that had not changed.
    private readonly ConcurrentDictionary<string, StoreIncidentMemo> _memos = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every incident the power history holds in <paramref name="stores"/> (null: every store), newest first.</summary>
    public IReadOnlyList<PowerIncident> All(IReadOnlySet<string>? stores)
    {
        // Only the asked stores' terminals: the terminal, store and case pages ask for one store on every live refresh.
        var candidates = stores is null ? fleet.All : stores.SelectMany(fleet.InStore);
        var possible = StoresThatMayHaveIncidents(candidates, stores);
        if (possible.Count == 0) return [];
        var incidents = possible
            .SelectMany(Find)
            .ToList();
        if (incidents.Count == 0) return [];
        var interrupted = book.Unsettled
            .Where(t => t.Verdict.Reason == UnsettledReason.InterruptedByPowerLoss && possible.Contains(t.StoreCode))
            .ToLookup(t => t.TerminalId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return incidents
            .Select(i => new PowerIncident(i, Interrupted(i, interrupted, now)))
            .OrderByDescending(i => i.Incident.StartedAt).ThenBy(i => i.StoreCode, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The incidents still going on: the alert centre keeps one active outage alert per store while one is open.</summary>
    public IReadOnlyList<PowerIncident> Open(IReadOnlySet<string>? stores) => All(stores).Where(i => i.Incident.IsOpen).ToList();

    /// <summary>Incidents that started or were still going on within <paramref name="within"/> of now, newest first.</summary>
    public IReadOnlyList<PowerIncident> Recent(IReadOnlySet<string>? stores, TimeSpan within)
    {
        var since = time.GetUtcNow() - within;
        return All(stores).Where(i => i.Incident.EndedAt is not { } ended || ended >= since).ToList();
    }

    /// <summary>
    /// Stores where enough terminals in service had a loss to make a store-wide one (<see cref="StorePowerIncidentRule.Needed"/>),
    /// counted in one pass. The alert centre asks for the whole fleet every few seconds; with losses scattered over the
    /// fleet (10,000 of 100,000 terminals, a few per store) this skips the rule for every store, where looking at each store
    /// with any loss cost ~100 ms of CPU per evaluation and stalled pages (docs/benchmarks.md, issue 12).
    /// </summary>
    private HashSet<string> StoresThatMayHaveIncidents(IEnumerable<TerminalSnapshot> candidates, IReadOnlySet<string>? stores)
    {
        var counts = new Dictionary<string, (int InService, int WithLoss)>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in candidates)
        {
            if (!IsInService(t) || (stores is not null && !stores.Contains(t.StoreCode))) continue;
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, t.StoreCode, out _);
            count.InService++;
            if (t.Assessment.LastLossAt is not null) count.WithLoss++;
        }
        var options = fleet.Options;
        return counts.Where(c => c.Value.WithLoss > 0 && c.Value.WithLoss >= StorePowerIncidentRule.Needed(c.Value.InService, options))
            .Select(c => c.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private IReadOnlyList<StorePowerIncident> Find(string store)
    {
        var inService = InService(store);
        var options = fleet.Options;
        if (_memos.TryGetValue(store, out var memo) && memo.Holds(inService, options)) return memo.Incidents;
        var incidents = StorePowerIncidentRule.Find(store, inService, options);
        _memos[store] = new StoreIncidentMemo(inService, options, incidents);
        return incidents;
    }

    /// <summary>Terminals that count towards the store's share, as in the store-wide rule: in service and heard from.</summary>
    private List<TerminalSnapshot> InService(string store) => fleet.InStore(store).Where(IsInService).ToList();

    private static bool IsInService(TerminalSnapshot t) => !t.Registration.Decommissioned && t.LastContactAt is not null;

    /// <summary>A sale the outage interrupted: its terminal was affected and it was in flight (authorised, before its completion deadline) during it.</summary>
    private List<TrackedTransaction> Interrupted(StorePowerIncident incident, ILookup<string, TrackedTransaction> interrupted, DateTimeOffset now)
    {
        var end = incident.EndedAt ?? now;
        var timeout = TimeSpan.FromSeconds(fleet.Options.CompletionTimeoutSeconds);
        return incident.AffectedTerminals
            .SelectMany(id => interrupted[id])
            .Where(t => t.Record.AuthorizedAt <= end && t.Record.AuthorizedAt + timeout >= incident.StartedAt)
            .OrderBy(t => t.Record.AuthorizedAt).ThenBy(t => t.TerminalId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One store's incidents, newest first: the store's and its terminals' power timelines shade them.</summary>
    public IReadOnlyList<PowerIncident> InStore(string storeCode) =>
        All(new HashSet<string>([storeCode], StringComparer.OrdinalIgnoreCase));

    /// <summary>The incident that interrupted this sale, if the power history still holds it (the case page links back to it).</summary>
    public PowerIncident? Interrupting(string storeCode, string terminalId, string transactionId) =>
        InStore(storeCode).FirstOrDefault(i => i.Interrupted.Any(t => t.TerminalId == terminalId && t.TransactionId == transactionId));
}
