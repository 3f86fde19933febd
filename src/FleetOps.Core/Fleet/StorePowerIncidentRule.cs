using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>
/// Store power incidents (docs/api.md §6) as a pure function of the store's terminals' power histories. A loss is
/// store-wide when the store-wide rule of §3 holds around it (<see cref="StoreWideCauseRule"/>: losses at ≥ 60 % of the
/// store's terminals in service, at least two, within two minutes); its incident holds every loss within that span.
/// A store-wide loss before the current incident has ended (the power flickering while it comes back) belongs to it;
/// one after it starts the next. The histories are sorted by event time, so a late, shuffled backlog yields the same
/// incidents as live traffic, and a restart (histories rebuilt from the database) yields them again.
/// </summary>
public static class StorePowerIncidentRule
{
    /// <param name="terminals">The store's terminals in service (registered, not decommissioned, heard from).</param>
    public static IReadOnlyList<StorePowerIncident> Find(string storeCode, IReadOnlyList<TerminalSnapshot> terminals, DetectionOptions options)
    {
        var losses = terminals
            .SelectMany(t => t.Power.Losses().Select(at => (Terminal: t, At: at)))
            .OrderBy(l => l.At).ThenBy(l => l.Terminal.TerminalId, StringComparer.Ordinal)
            .ToList();
        if (losses.Count < options.StoreWideMinimumTerminals) return [];
        var span = options.StoreWideSpan;
        var needed = Needed(terminals.Count, options);

        var incidents = new List<StorePowerIncident>();
        Building? current = null;
        // Losses sorted by time: the ones within the span of each are a sliding range [from, to).
        int from = 0, to = 0;
        foreach (var (_, anchor) in losses)
        {
            while (losses[from].At < anchor - span) from++;
            while (to < losses.Count && losses[to].At <= anchor + span) to++;
            var around = losses.GetRange(from, to - from);
            if (around.Select(l => l.Terminal.TerminalId).Distinct(StringComparer.Ordinal).Count() < needed) continue;
            var start = around[0].At;
            if (current is not null && (current.EndedAt is not { } ended || start <= ended))
            {
                current.Add(around);
                continue;
            }
            if (current is not null) incidents.Add(current.ToIncident(storeCode, terminals.Count));
            current = new Building();
            current.Add(around);
        }
        if (current is not null) incidents.Add(current.ToIncident(storeCode, terminals.Count));
        return incidents;
    }

    /// <summary>
    /// How many of a store's terminals in service must lose power together for a store-wide loss (§3: the share, at least
    /// the minimum). Fewer terminals with any loss at all cannot make an incident, which lets a reader skip the store.
    /// </summary>
    public static int Needed(int terminalsInService, DetectionOptions options) =>
        Math.Max(options.StoreWideMinimumTerminals, (int)Math.Ceiling(options.StoreWideShare * terminalsInService));

    private sealed class Building
    {
        private readonly Dictionary<string, TerminalSnapshot> _affected = new(StringComparer.Ordinal);
        private DateTimeOffset _start = DateTimeOffset.MaxValue;
        private DateTimeOffset _lastLoss = DateTimeOffset.MinValue;

        public DateTimeOffset? EndedAt { get; private set; }

        public void Add(IReadOnlyList<(TerminalSnapshot Terminal, DateTimeOffset At)> losses)
        {
            foreach (var (terminal, at) in losses)
            {
                _affected[terminal.TerminalId] = terminal;
                if (at < _start) _start = at;
                if (at > _lastLoss) _lastLoss = at;
            }
            // The power is back when any affected terminal reports after the last loss: the outage was the store's.
            EndedAt = _affected.Values.Select(t => t.Power.FirstReportFrom(_lastLoss)).Where(r => r is not null).Min();
        }

        public StorePowerIncident ToIncident(string storeCode, int terminalsInStore) =>
            new(storeCode, _start, _lastLoss, EndedAt, _affected.Keys.Order(StringComparer.Ordinal).ToList(), terminalsInStore);
    }
}
