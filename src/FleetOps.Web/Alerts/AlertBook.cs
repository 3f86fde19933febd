using System.Collections.Concurrent;
using FleetOps.Core.Access;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;

namespace FleetOps.Web.Alerts;

/// <summary>
/// The alerts that are alive, in memory: every active alert and the resolved ones that may still reopen, by subject,
/// and the mute windows not yet over. It is what the evaluator compares with the detectors, what the badge counts and
/// what live pages follow. Rebuilt from the database at start; only <see cref="AlertService"/> writes here, after its
/// commit. Lists of older, resolved alerts are read from the database (<see cref="AlertQueries"/>).
/// </summary>
public sealed class AlertBook(TimeProvider time, ILogger<AlertBook> logger) : IChangeSource<Alert>
{
    private readonly ConcurrentDictionary<AlertSubject, Alert> _latest = new();
    private readonly ConcurrentDictionary<long, Alert> _byId = new();
    private readonly ConcurrentDictionary<long, MuteWindow> _mutes = new();
    private readonly ChangeFeed<Alert> _changes = new("alerts", time, logger);

    public IDisposable Subscribe(Func<Alert, bool>? relevant, Func<ChangeBatch<Alert>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>The newest alert of every subject still kept: active, or resolved recently enough to reopen.</summary>
    public IReadOnlyDictionary<AlertSubject, Alert> Latest => _latest;

    public IEnumerable<Alert> Active => _latest.Values.Where(a => a.IsActive);

    public Alert? Get(long id) => _byId.GetValueOrDefault(id);

    public IEnumerable<MuteWindow> Mutes => _mutes.Values;

    /// <summary>An alert of a subject under a mute window in force now: recorded, but not counted and not notified.</summary>
    public bool IsMuted(Alert alert) => IsMuted(alert.Subject, time.GetUtcNow());

    public bool IsMuted(AlertSubject subject, DateTimeOffset now) => !_mutes.IsEmpty && _mutes.Values.Any(m => m.Covers(subject, now));

    /// <summary>What the navigation's badge shows: active alerts of the person's stores that are not muted.</summary>
    public int CountForBadge(AccessScope scope, StoreDirectory stores)
    {
        var now = time.GetUtcNow();
        return _latest.Values.Count(a => a.IsActive && scope.AllowsStore(a.StoreCode, stores) && !IsMuted(a.Subject, now));
    }

    public void Load(IEnumerable<Alert> alerts, IEnumerable<MuteWindow> mutes)
    {
        _latest.Clear();
        _byId.Clear();
        _mutes.Clear();
        foreach (var a in alerts) Store(a);
        foreach (var m in mutes) _mutes[m.Id] = m;
    }

    internal void Put(IReadOnlyList<Alert> alerts)
    {
        foreach (var a in alerts) Store(a);
        _changes.Publish(alerts);
    }

    internal void PutMute(MuteWindow mute)
    {
        _mutes[mute.Id] = mute;
        PublishStore(mute.StoreCode);
    }

    internal void RemoveMute(MuteWindow mute)
    {
        _mutes.TryRemove(mute.Id, out _);
        PublishStore(mute.StoreCode);
    }

    /// <summary>
    /// The mute windows as another node left them: those gone are removed, new ones added, and the stores of either
    /// published (a window never changes once made, so an id seen on both sides is the same window).
    /// </summary>
    internal void ReplaceMutes(IReadOnlyList<MuteWindow> inForce)
    {
        var ids = inForce.Select(m => m.Id).ToHashSet();
        var gone = _mutes.Values.Where(m => !ids.Contains(m.Id)).ToList();
        var added = inForce.Where(m => !_mutes.ContainsKey(m.Id)).ToList();
        foreach (var m in gone) _mutes.TryRemove(m.Id, out _);
        foreach (var m in added) _mutes[m.Id] = m;
        foreach (var store in gone.Concat(added).Select(m => m.StoreCode).Distinct(StringComparer.OrdinalIgnoreCase)) PublishStore(store);
    }

    /// <summary>A mute changes how the store's alerts count: the pages and the badge read them again.</summary>
    private void PublishStore(string storeCode) =>
        _changes.Publish(_latest.Values.Where(a => string.Equals(a.StoreCode, storeCode, StringComparison.OrdinalIgnoreCase)).ToList());

    /// <summary>Forgets resolved alerts that can no longer reopen, and mute windows that are over.</summary>
    internal void Prune(DateTimeOffset now, TimeSpan reopenWithin)
    {
        foreach (var a in _latest.Values.Where(a => a.ResolvedAt is { } r && now - r > reopenWithin).ToList())
        {
            _latest.TryRemove(new KeyValuePair<AlertSubject, Alert>(a.Subject, a));
            _byId.TryRemove(a.Id, out _);
        }
        foreach (var m in _mutes.Values.Where(m => m.Until <= now).ToList()) _mutes.TryRemove(m.Id, out _);
    }

    private void Store(Alert a)
    {
        _latest[a.Subject] = a;
        _byId[a.Id] = a;
    }
}
