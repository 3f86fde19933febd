namespace FleetOps.Simulator;

/// <summary>Whole-store power cuts, the case the server must tell apart from a single faulty device.</summary>
internal sealed class StoreOutages
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    private readonly SimulationContext _ctx;
    private readonly Dictionary<string, List<TerminalBehaviour>> _byStore;
    private readonly List<string> _stores;
    private readonly HashSet<string> _active = [];

    public StoreOutages(IEnumerable<TerminalBehaviour> terminals, SimulationContext ctx)
    {
        _ctx = ctx;
        _byStore = terminals.GroupBy(t => t.Info.StoreCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _stores = [.. _byStore.Keys.Order(StringComparer.Ordinal)];
    }

    public void Start()
    {
        if (_stores.Count > 0 && _ctx.Options.StoreOutageChancePerHour > 0)
            _ctx.Schedule(CheckInterval, ActionKind.StoreOutageCheck);
    }

    public void Check()
    {
        _ctx.Schedule(CheckInterval, ActionKind.StoreOutageCheck);
        // As a Poisson rate, so that 0.5 means "at least one outage in half of all hours"; capped because a
        // chance of 1 would be an infinite rate (it yields about three outages an hour).
        var ratePerHour = -Math.Log(1 - Math.Min(_ctx.Options.StoreOutageChancePerHour, 0.95));
        var chancePerCheck = 1 - Math.Exp(-ratePerHour * (CheckInterval / TimeSpan.FromHours(1)));
        if (!_ctx.Chance(chancePerCheck))
            return;
        var candidates = _stores.Where(s => !_active.Contains(s)).ToList();
        if (candidates.Count > 0)
            Begin(_ctx.Pick(candidates));
    }

    private void Begin(string storeCode)
    {
        _active.Add(storeCode);
        var terminals = _byStore[storeCode];
        var duration = _ctx.Minutes(3, 15);
        _ctx.Log?.Invoke($"store {storeCode} loses power ({terminals.Count} terminals) for about {duration.TotalMinutes:F0} min");
        foreach (var terminal in terminals)
        {
            // Devices notice the cut at slightly different moments (battery, UPS, polling interval).
            terminal.InStoreOutage = true;
            _ctx.Schedule(_ctx.Seconds(0, 60), ActionKind.StoreOutageLost, terminal);
        }
        _ctx.Schedule(duration, ActionKind.StoreOutageRestore, payload: storeCode);
    }

    public void Restore(string storeCode)
    {
        _active.Remove(storeCode);
        _ctx.Log?.Invoke($"store {storeCode} has power again");
        foreach (var terminal in _byStore[storeCode])
            _ctx.Schedule(_ctx.Seconds(0, 30), ActionKind.StoreOutageTerminalRestore, terminal);
    }
}
