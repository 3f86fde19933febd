using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Fleet;

namespace FleetOps.Web.Components.Pages;

/// <summary>
/// What the power page shows, from the in-memory fleet within the viewer's scope (and the chosen store): unstable
/// terminals, store incidents, weak batteries and the losses the power history holds. A plain class, testable without Blazor.
/// </summary>
public sealed class PowerModel
{
    /// <summary>How many stores the "top stores" chart names: as many as the axis has readable labels.</summary>
    public const int TopStoreCount = 6;

    /// <summary>Unstable terminals, most losses first, then the most recent loss.</summary>
    public IReadOnlyList<TerminalSnapshot> Unstable { get; private init; } = [];

    public IReadOnlyList<PowerIncident> OpenIncidents { get; private init; } = [];

    /// <summary>Incidents that ended, newest first, as far back as the power history reaches.</summary>
    public IReadOnlyList<PowerIncident> RecentIncidents { get; private init; } = [];

    /// <summary>Terminals whose last measured run on battery was under the limit, shortest first.</summary>
    public IReadOnlyList<TerminalSnapshot> WeakBatteries { get; private init; } = [];

    /// <summary>Losses per day in <see cref="Zone"/>, oldest first, the last day being today (so far).</summary>
    public IReadOnlyList<(DateOnly Day, int Losses)> LossesPerDay { get; private init; } = [];

    /// <summary>Losses by hour of day on each store's own clock, 0–23.</summary>
    public IReadOnlyList<int> LossesByHour { get; private init; } = new int[24];

    /// <summary>The stores with the most losses, most first (only stores with a loss).</summary>
    public IReadOnlyList<(string Store, int Losses)> TopStores { get; private init; } = [];

    public int TotalLosses { get; private init; }

    /// <summary>The stores with a loss in the history (the store filter's choices).</summary>
    public IReadOnlyList<string> StoresWithLosses { get; private init; } = [];

    /// <summary>Where the days of <see cref="LossesPerDay"/> begin and end (<see cref="StoreTime.Common"/>).</summary>
    public TimeZoneInfo Zone { get; private init; } = TimeZoneInfo.Utc;

    /// <param name="store">One store to show, or null for the whole scope; a store outside the scope shows nothing.</param>
    public static PowerModel Build(FleetState fleet, StoreDirectory stores, PowerIncidents incidents, AccessScope scope, string? store,
        DateTimeOffset now)
    {
        var allowed = scope.StoreCodes(stores);
        IReadOnlySet<string>? shown = store is null ? allowed
            : allowed is null || allowed.Contains(store) ? new HashSet<string>([store], StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>();
        var zone = StoreTime.Common(stores, shown);
        var days = (int)Math.Ceiling(fleet.PowerHorizon.TotalDays);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var perDay = new int[days];
        var byHour = new int[24];
        var perStore = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var withLosses = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var unstable = new List<TerminalSnapshot>();
        var weak = new List<TerminalSnapshot>();
        var total = 0;
        foreach (var t in scope.Terminals(fleet, stores))
        {
            if (t.Registration.Decommissioned) continue;
            var losses = t.Power.Losses();
            if (losses.Count > 0) withLosses.Add(t.StoreCode);
            if (shown is not null && !shown.Contains(t.StoreCode)) continue;
            if (t.Assessment.Power == PowerStatus.Unstable) unstable.Add(t);
            if (t.Assessment.Battery.Status == BatteryStatus.Weak) weak.Add(t);
            if (losses.Count == 0) continue;
            var storeZone = stores.Get(t.StoreCode)?.TimeZone;
            foreach (var loss in losses)
            {
                total++;
                perStore[t.StoreCode] = perStore.GetValueOrDefault(t.StoreCode) + 1;
                byHour[StoreTime.ToZone(loss, storeZone).Hour]++;
                var day = today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(loss, zone).DateTime).DayNumber;
                if (day >= 0 && day < days) perDay[days - 1 - day]++;
            }
        }
        var all = incidents.All(shown);
        return new PowerModel
        {
            Unstable = unstable.OrderByDescending(t => t.Assessment.LossesInWindow).ThenByDescending(t => t.Assessment.LastLossAt)
                .ThenBy(t => t.TerminalId, StringComparer.Ordinal).ToList(),
            OpenIncidents = all.Where(i => i.Incident.IsOpen).ToList(),
            RecentIncidents = all.Where(i => !i.Incident.IsOpen).ToList(),
            WeakBatteries = weak.OrderBy(t => t.Assessment.Battery.LastRuntimeMinutes).ThenBy(t => t.TerminalId, StringComparer.Ordinal).ToList(),
            LossesPerDay = perDay.Select((n, i) => (today.AddDays(i - days + 1), n)).ToList(),
            LossesByHour = byHour,
            TopStores = perStore.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
                .Take(TopStoreCount).Select(s => (s.Key, s.Value)).ToList(),
            TotalLosses = total,
            StoresWithLosses = withLosses.ToList(),
            Zone = zone,
        };
    }
}
