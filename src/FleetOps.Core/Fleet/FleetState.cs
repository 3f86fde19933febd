using System.Collections.Concurrent;
using FleetOps.Core.Detection;
using FleetOps.Core.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Core.Fleet;

/// <summary>
/// The live picture of the fleet: one immutable snapshot per terminal, readable without locks by any
/// number of pages, changed only under <see cref="_gate"/> by the event writer, the management side and
/// the deadline sweep. Every change is announced to subscribers (<see cref="Subscribe"/>) off the writer's thread, so
/// what a page or the hub does with it can neither slow nor fail the write.
/// </summary>
public sealed partial class FleetState(TimeProvider time, DetectionOptions options, ILogger? logger = null) : IChangeSource<TerminalSnapshot>
{
    private readonly ChangeFeed<TerminalSnapshot> _changes = new("fleet", time, logger ?? NullLogger.Instance);
    private readonly Lock _gate = new();
    // Keyed ignoring letter case: ids are unique ignoring case (registration refuses "t-01" beside "T-01"), so a look-up
    // with an id typed or sent in another case finds its terminal — the one mechanism that resolves an incoming id to its
    // registered spelling (RegisteredId), with no second map beside this one.
    private readonly ConcurrentDictionary<string, TerminalSnapshot> _terminals = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SoftwareTarget> _targets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _byStore = new(StringComparer.OrdinalIgnoreCase);
    private readonly TerminalDeadlines _deadlines = new();
    private readonly TerminalDeadlines _powerDeadlines = new();

    // The thresholds are swapped whole, by one reference write under the gate (see ApplyOptions): the rules read them
    // under the gate, and pages read Options without a lock and get either the old instance or the new one, never a
    // mixture of both — which mutating the fields one by one would allow.
    private DetectionOptions _options = options;

    public IDisposable Subscribe(Func<TerminalSnapshot, bool>? relevant, Func<ChangeBatch<TerminalSnapshot>, Task> callback,
        TimeSpan? minInterval = null) => _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>The thresholds in force now; a whole instance, replaced (never changed) by <see cref="ApplyOptions"/>.</summary>
    public DetectionOptions Options => Volatile.Read(ref _options);
    public TimeProvider Time => time;
    public int Count => _terminals.Count;

    /// <summary>How far back power history is kept in memory: enough for the stability episode to be judged.</summary>
    public TimeSpan PowerHorizon => PowerHistoryRetention.Horizon(Options);

    /// <summary>The terminal with this id in any letter case; its snapshot carries the id as registered.</summary>
    public TerminalSnapshot? Get(string terminalId) => _terminals.GetValueOrDefault(terminalId);

    /// <summary>
    /// An id that came in from outside (a path, a filter, a body), as registered: database queries compare ids exactly,
    /// so they must be given this spelling. An id no terminal has comes back as it is, and finds nothing, as before.
    /// </summary>
    public string RegisteredId(string terminalId) => Get(terminalId)?.TerminalId ?? terminalId;

    /// <summary>
    /// Every terminal, enumerated from the dictionary itself: no lock and no copy. <c>ConcurrentDictionary.Values</c> takes
    /// every lock (the writer waits) and copies 100,000 references into a new large-object array per call; the alert centre
    /// walks the fleet three times every 5 s, and those copies were a tenth of an idle server's CPU (docs/benchmarks.md,
    /// issue 12). A terminal changed during the walk is seen either before or after the change, as any reader of a snapshot is.
    /// </summary>
    public IEnumerable<TerminalSnapshot> All => _terminals.Select(pair => pair.Value);

    public IReadOnlyList<TerminalSnapshot> InStore(string storeCode)
    {
        lock (_gate)
        {
            return _byStore.TryGetValue(storeCode, out var ids)
                ? ids.Select(id => _terminals[id]).ToList()
                : [];
        }
    }

    public SoftwareTarget? TargetFor(string model) => _targets.GetValueOrDefault(model);

    public IReadOnlyCollection<SoftwareTarget> Targets => _targets.Values.ToList();

    /// <summary>Replaces the whole picture (start-up rebuild from the database).</summary>
    /// <param name="listened">
    /// The periods FleetOps' runs recorded as listening. Before the first of them (a database older than the record),
    /// everything up to the newest contact of a terminal is taken as listened: contacts only happen while it listens.
    /// </param>
    public void Load(IReadOnlyCollection<TerminalSnapshot> terminals, IEnumerable<SoftwareTarget> targets,
        IReadOnlyCollection<(DateTimeOffset From, DateTimeOffset Until)>? listened = null)
    {
        lock (_gate)
        {
            _terminals.Clear();
            _byStore.Clear();
            _targets.Clear();
            foreach (var target in targets) _targets[target.Model] = target;
            var now = time.GetUtcNow();
            listened ??= [];
            var recordedFrom = listened.Count == 0 ? DateTimeOffset.MaxValue : listened.Min(p => p.From);
            var heardBefore = terminals.Where(t => t.LastContactAt < recordedFrom).Max(t => t.LastContactAt);
            Volatile.Write(ref _listening, ListeningHistory.Of(
                heardBefore is { } heard ? [.. listened, (DateTimeOffset.MinValue, heard)] : listened, now));
            // A last contact after now was stamped by a clock that was since set back (ClockStepped, while FleetOps was down).
            foreach (var terminal in terminals) Put(terminal.LastContactAt > now ? terminal with { LastContactAt = now } : terminal, now);
            foreach (var terminal in _terminals.Values.ToList()) _terminals[terminal.TerminalId] = Assess(terminal, now);
        }
    }

    /// <summary>Adds a terminal or changes its registration (store, model, decommissioned).</summary>
    public void Register(TerminalRegistration registration) => RegisterMany([registration]);

    /// <summary>
    /// Adds or changes many registrations under one lock and publishes them as one change (a bulk import of 100,000
    /// terminals: one change for every subscriber rather than 100,000).
    /// </summary>
    public void RegisterMany(IReadOnlyCollection<TerminalRegistration> registrations)
    {
        var updated = new List<TerminalSnapshot>(registrations.Count);
        var storesToReassess = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var given in registrations)
            {
                var current = _terminals.GetValueOrDefault(given.TerminalId);
                // A change naming the terminal in another case still changes that terminal, under the id it was registered with.
                var registration = current is null ? given : given with { TerminalId = current.TerminalId };
                if (current is not null && current.StoreCode != registration.StoreCode)
                {
                    _byStore[current.StoreCode].Remove(registration.TerminalId);
                }
                var snapshot = Assess((current ?? new TerminalSnapshot(registration)) with { Registration = registration }, now);
                Put(snapshot, now);
                updated.Add(snapshot);
                // Moving a terminal or taking it out of service changes who counts towards its stores' share of losses.
                if (current is not null && (current.StoreCode != snapshot.StoreCode
                        || current.Registration.Decommissioned != registration.Decommissioned))
                {
                    storesToReassess.Add(current.StoreCode);
                    storesToReassess.Add(snapshot.StoreCode);
                }
            }
            ReassessStorePeers(storesToReassess, updated, now);
        }
        Notify(updated);
    }

    public void SetTarget(SoftwareTarget target)
    {
        List<TerminalSnapshot> changed = [];
        lock (_gate)
        {
            _targets[target.Model] = target;
            foreach (var terminal in _terminals.Values.Where(t => string.Equals(t.Model, target.Model, StringComparison.OrdinalIgnoreCase)))
            {
                // Every one is announced, changed status or not: "behind since" counts from the new target.
                changed.Add(ReassessSoftware(terminal, target));
            }
        }
        Notify(changed);
    }

    /// <summary>
    /// Publishes snapshots the event writer built and committed. The registration is taken from the current
    /// snapshot, because an administrator may have changed it while the batch was being written.
    /// </summary>
    public void Publish(IReadOnlyCollection<TerminalSnapshot> committed)
    {
        var changed = new List<TerminalSnapshot>(committed.Count);
        var storesWithNewLosses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var snapshot in committed)
            {
                var current = _terminals.GetValueOrDefault(snapshot.TerminalId);
                var merged = current is null ? snapshot : snapshot with { Registration = current.Registration };
                var sameLosses = SameLosses(current, merged);
                var assessed = Assess(merged, now, sameLosses ? current : null);
                Put(assessed, now);
                changed.Add(assessed);
                if (merged.LastContactAt is { } contact) _deadlines.Schedule(merged.TerminalId, OfflineAt(contact));
                // The store's share of losses changes only when a terminal's losses do, or when a terminal is heard from
                // for the first time (it starts to count): a heartbeat that changes neither leaves the neighbours alone.
                if (!sameLosses || (current?.LastContactAt is null && merged.LastContactAt is not null))
                {
                    storesWithNewLosses.Add(assessed.StoreCode);
                }
            }
            ReassessStorePeers(storesWithNewLosses, changed, now);
        }
        Notify(changed);
    }

    /// <summary>
    /// A loss at one terminal can turn its neighbours' likely cause from device to store (and a new terminal in service
    /// can turn it back). Terminals already in <paramref name="changed"/> are included — the earlier ones of a commit were
    /// assessed before the later ones were put — and replaced there by their new snapshot.
    /// </summary>
    private void ReassessStorePeers(HashSet<string> stores, List<TerminalSnapshot> changed, DateTimeOffset now)
    {
        foreach (var store in stores)
        {
            if (!_byStore.TryGetValue(store, out var ids)) continue;
            foreach (var id in ids)
            {
                var peer = _terminals[id];
                if (peer.Assessment.LastLossAt is null) continue;
                var reassessed = Reassess(peer, now);
                if (ReferenceEquals(reassessed, peer)) continue;
                var at = changed.FindIndex(c => c.TerminalId == id);
                if (at >= 0) changed[at] = reassessed;
                else changed.Add(reassessed);
            }
        }
    }

    private static bool SameLosses(TerminalSnapshot? current, TerminalSnapshot next) =>
        current is not null && current.Power.Losses().SequenceEqual(next.Power.Losses());

    /// <summary>
    /// Applies what time alone changes: terminals whose offline deadline passed, and power assessments whose
    /// window moved on. Called about four times a second, so offline is flagged within a second of its deadline; both
    /// come from priority queues, so an idle sweep touches no terminal at all.
    /// </summary>
    public int Sweep(bool includePower)
    {
        var changed = new List<TerminalSnapshot>();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var id in _deadlines.TakeDue(now))
            {
                if (!_terminals.TryGetValue(id, out var terminal) || terminal.LastContactAt is not { } contact) continue;
                var deadline = OfflineAt(contact);
                if (deadline > now)
                {
                    _deadlines.Schedule(id, deadline);
                    continue;
                }
                var reassessed = Reassess(terminal, now);
                if (!ReferenceEquals(reassessed, terminal)) changed.Add(reassessed);
            }
            if (includePower)
            {
                foreach (var id in _powerDeadlines.TakeDue(now))
                {
                    var terminal = _terminals[id];
                    var reassessed = Reassess(terminal, now);
                    if (!ReferenceEquals(reassessed, terminal)) changed.Add(reassessed);
                    else SchedulePower(terminal, now); // unchanged, so Put did not queue its next moment
                }
            }
        }
        Notify(changed);
        return changed.Count;
    }

    /// <summary>
    /// New thresholds, in force at once: every terminal is judged again (offline, power stability, likely cause,
    /// battery) and what changed is published like any other change, so pages and the alert centre follow by
    /// themselves. Offline deadlines are queued again, since a shorter limit brings them forward. A longer power
    /// window sees only the history already in memory (7 of the old windows) until the next start.
    /// </summary>
    public int ApplyOptions(DetectionOptions next)
    {
        ArgumentNullException.ThrowIfNull(next);
        List<TerminalSnapshot> changed;
        lock (_gate)
        {
            Volatile.Write(ref _options, next);
            changed = JudgeAllAgain();
        }
        Notify(changed);
        return changed.Count;
    }

    /// <summary>Judges every terminal again and queues its deadlines anew (new thresholds, or a new listening history); under the gate.</summary>
    private List<TerminalSnapshot> JudgeAllAgain()
    {
        var changed = new List<TerminalSnapshot>();
        _deadlines.Clear();
        _powerDeadlines.Clear();
        var now = time.GetUtcNow();
        foreach (var terminal in _terminals.Values.ToList())
        {
            var reassessed = Reassess(terminal, now);
            if (!ReferenceEquals(reassessed, terminal))
            {
                changed.Add(reassessed);
                continue;
            }
            if (terminal.LastContactAt is { } contact && terminal.Assessment.Connectivity != Connectivity.Offline)
            {
                _deadlines.Schedule(terminal.TerminalId, OfflineAt(contact));
            }
            SchedulePower(terminal, now);
        }
        return changed;
    }

    private void Notify(List<TerminalSnapshot> changed) => _changes.Publish(changed);

    /// <summary>
    /// A new target changes software statuses only, so only they are re-judged: the whole assessment of 100,000 terminals
    /// (power windows, the store-wide test over each store) would take seconds for nothing.
    /// </summary>
    private TerminalSnapshot ReassessSoftware(TerminalSnapshot terminal, SoftwareTarget target)
    {
        var a = terminal.Assessment;
        var software = SoftwareComplianceRule.Evaluate(terminal.AppVersion, terminal.FirmwareVersion, target);
        if (software == a.Software) return terminal;
        var next = terminal with
        {
            Assessment = TerminalAssessment.Of(a.Connectivity, a.Power, a.LossesInWindow, a.LastLossAt, a.LikelyCause, software, a.Battery),
        };
        _terminals[terminal.TerminalId] = next;
        return next;
    }

    private TerminalSnapshot Reassess(TerminalSnapshot terminal, DateTimeOffset now)
    {
        var assessed = Assess(terminal, now);
        if (assessed.Assessment == terminal.Assessment) return terminal;
        Put(assessed, now);
        return assessed;
    }

    private void Put(TerminalSnapshot terminal, DateTimeOffset now)
    {
        _terminals[terminal.TerminalId] = terminal;
        if (!_byStore.TryGetValue(terminal.StoreCode, out var ids))
        {
            _byStore[terminal.StoreCode] = ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }
        ids.Add(terminal.TerminalId);
        if (terminal.LastContactAt is { } contact && terminal.Assessment.Connectivity != Connectivity.Offline)
        {
            _deadlines.Schedule(terminal.TerminalId, OfflineAt(contact));
        }
        SchedulePower(terminal, now);
    }

    private void SchedulePower(TerminalSnapshot terminal, DateTimeOffset now) =>
        _powerDeadlines.Schedule(terminal.TerminalId, PowerStabilityRule.NextChange(terminal.Power.Losses(), now, _options));

    /// <param name="sameLosses">
    /// The terminal's snapshot before this change, given only when its own events changed it and left its losses as they
    /// were: then its likely cause is unchanged too — neighbours' changes reach it through <see cref="ReassessStorePeers"/>
    /// — so the store is not walked again. With fifty terminals a store, walking it for every heartbeat of a terminal with a recent loss (and
    /// again for each such neighbour) was a third of the event writer's time (docs/benchmarks.md, issue 17).
    /// </param>
    private TerminalSnapshot Assess(TerminalSnapshot terminal, DateTimeOffset now, TerminalSnapshot? sameLosses = null)
    {
        var connectivity = terminal.LastContactAt is not { } contact ? Connectivity.Unknown
            : now >= OfflineAt(contact) ? Connectivity.Offline
            : Connectivity.Online;
        var losses = terminal.Power.Losses();
        var stability = PowerStabilityRule.Evaluate(losses, now, _options);
        LikelyCause? cause = null;
        if (sameLosses?.Assessment.LikelyCause is { } known && sameLosses.Assessment.LastLossAt == stability.LastLossAt
            && stability.LossesInWindow > 0)
        {
            cause = known;
        }
        else if (stability.LossesInWindow > 0 && stability.LastLossAt is { } lastLoss)
        {
            // Only terminals in service count towards the store's share: decommissioned ones and ones never
            // heard from cannot report a loss and would hide a real store-wide outage.
            var storeLosses = _byStore.TryGetValue(terminal.StoreCode, out var ids)
                ? ids.Select(id => id == terminal.TerminalId ? terminal : _terminals[id])
                    .Where(t => t.TerminalId == terminal.TerminalId || (!t.Registration.Decommissioned && t.LastContactAt is not null))
                    .Select(t => t.TerminalId == terminal.TerminalId ? losses : t.Power.Losses()).ToList()
                : [losses];
            cause = StoreWideCauseRule.Evaluate(lastLoss, storeLosses, _options);
        }
        var software = SoftwareComplianceRule.Evaluate(terminal.AppVersion, terminal.FirmwareVersion, TargetFor(terminal.Model));
        var assessment = TerminalAssessment.Of(connectivity, stability.Status, stability.LossesInWindow, stability.LastLossAt, cause, software,
            terminal.Power.Battery(_options));
        return assessment == terminal.Assessment ? terminal : terminal with { Assessment = assessment };
    }
}
