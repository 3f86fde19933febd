using System.Globalization;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Background;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Settings;

/// <summary>
/// The detection thresholds an administrator may change while the server runs (<see cref="Thresholds.Editable"/>).
/// Configured values (appsettings, environment) are the defaults; an override saved in <c>SettingOverrides</c> wins;
/// a reset removes it. Each save is checked by the start-up rule, written with its audit line in one transaction,
/// then handed to <see cref="FleetState.ApplyOptions"/>, which re-judges the fleet and publishes what changed.
/// Several nodes share one database: a save is announced to them (<see cref="BookKinds.Threshold"/>), and each runs
/// <see cref="RefreshAsync"/>, which reads the few override rows and applies them when they differ; every
/// <see cref="RefreshInterval"/> <see cref="ThresholdRefresh"/> runs it too, for rows changed by hand.
/// </summary>
public sealed partial class ThresholdSettings(
    FleetDbContextFactory databases, FleetState fleet, DetectionOptions configured, ChangeAnnouncer announcer, TimeProvider time,
    IOptions<RetentionOptions> retention, ILogger<ThresholdSettings> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    // Saves and refreshes one at a time: two administrators saving at once must not interleave read-check-write.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, double> _overrides = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Every editable threshold with its value in force, its configured value and whether it is overridden.</summary>
    public IReadOnlyList<ThresholdValue> Current()
    {
        var overrides = Volatile.Read(ref _overrides);
        var inForce = fleet.Options;
        return Thresholds.Editable
            .Select(s => new ThresholdValue(s, s.Read(inForce), s.Read(configured), overrides.ContainsKey(s.Name)))
            .ToList();
    }

    /// <summary>At start-up, before the fleet is loaded (its power history reaches back by the window in force).</summary>
    public Task LoadAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    /// <summary>Applies the saved overrides when they differ from the ones in force; true when they did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var saved = await ReadAsync(cancellationToken);
            if (Same(saved, _overrides)) return false;
            Apply(saved);
            LogApplied(saved.Count);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Saves a partial change: a value sets an override, null resets the setting to its configured value, and so does
    /// the configured value itself (an override equal to it would keep saying "changed here" and stop following the
    /// configuration). Nothing is saved when any value is wrong; the errors name the API's fields. One audit line lists
    /// each change as old → new; a save that changes nothing writes none.
    /// </summary>
    public async Task<ThresholdSaveResult> SaveAsync(IReadOnlyDictionary<string, double?> asked, string actor, string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        if (asked.Keys.FirstOrDefault(n => Thresholds.Find(n) is null) is { } unknown)
        {
            return new ThresholdSaveResult(new Dictionary<string, string[]> { [unknown] = ["Not a threshold that may be changed live."] }, Current());
        }
        // Names as the catalogue spells them, so an override is found again whatever case the caller used.
        var named = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (name, value) in asked) named[Thresholds.Find(name)!.Name] = value;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var changes = Effective(named);
            if (changes.Count == 0) return new ThresholdSaveResult(new Dictionary<string, string[]>(), Current());
            var before = fleet.Options;
            var next = new Dictionary<string, double>(_overrides, StringComparer.Ordinal);
            foreach (var (name, value) in changes)
            {
                if (value is { } set) next[name] = set;
                else next.Remove(name);
            }
            var problems = Problems(next);
            if (problems.Count > 0)
            {
                return new ThresholdSaveResult(
                    problems.ToDictionary(p => Thresholds.Find(p.Key)?.JsonName ?? p.Key, p => new[] { p.Value }), Current());
            }
            var after = Thresholds.Apply(configured, next);
            var now = time.GetUtcNow();
            await using (var db = databases.CreateDbContext())
            {
                var rows = await db.SettingOverrides.Where(r => r.Key.StartsWith(DetectionOptions.Section + ":")).ToListAsync(cancellationToken);
                foreach (var setting in changes.Keys.Select(n => Thresholds.Find(n)!))
                {
                    var row = rows.FirstOrDefault(r => r.Key == setting.Key);
                    if (!next.TryGetValue(setting.Name, out var value))
                    {
                        if (row is not null) db.SettingOverrides.Remove(row);
                        continue;
                    }
                    if (row is null) db.SettingOverrides.Add(row = new SettingOverrideRow { Key = setting.Key, Value = "", UpdatedBy = actor });
                    row.Value = Text(value);
                    row.UpdatedBy = actor;
                    row.UpdatedAtMs = now.ToUnixTimeMilliseconds();
                }
                db.AuditEntries.Add(AuditLog.Row(now, actor, AuditActions.ThresholdsChanged, DetectionOptions.Section,
                    Describe(changes.Keys, before, after, next), remoteAddress));
                announcer.Stage(db, BookKinds.Threshold, BookChange.Of());
                await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction, rows, audit line and notice together
                await announcer.WakeAsync(db, cancellationToken);
            }
            Apply(next);
            return new ThresholdSaveResult(new Dictionary<string, string[]>(), Current());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The asked changes as overrides: the configured value becomes a reset, and what would leave the overrides as they
    /// are is dropped, so an unchanged save neither writes an audit line nor wakes the other nodes. Under the gate.
    /// </summary>
    private Dictionary<string, double?> Effective(IReadOnlyDictionary<string, double?> asked)
    {
        var effective = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (name, value) in asked)
        {
            var wanted = value is { } set && set.Equals(Thresholds.Find(name)!.Read(configured)) ? null : value;
            var kept = _overrides.TryGetValue(name, out var saved) ? saved : (double?)null;
            if (!Nullable.Equals(wanted, kept)) effective[name] = wanted;
        }
        return effective;
    }

    private void Apply(IReadOnlyDictionary<string, double> overrides)
    {
        Volatile.Write(ref _overrides, overrides);
        fleet.ApplyOptions(Thresholds.Apply(configured, overrides));
    }

    /// <summary>
    /// Rows of settings this build does not know, or values the rule refuses (a hand edit, or a narrower range after an
    /// upgrade), are skipped with a warning: the configured value is safer than refusing to start.
    /// </summary>
    private async Task<Dictionary<string, double>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.SettingOverrides.AsNoTracking()
            .Where(r => r.Key.StartsWith(DetectionOptions.Section + ":")).ToListAsync(cancellationToken);
        var read = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var setting = Thresholds.Editable.FirstOrDefault(s => s.Key == row.Key);
            if (setting is null || !double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || Problems(new Dictionary<string, double> { [setting.Name] = value }).Count > 0)
            {
                LogSkipped(row.Key, row.Value);
                continue;
            }
            read[setting.Name] = value;
        }
        return read;
    }

    /// <summary>
    /// The start-up rules of the thresholds, then the one across sections: a window the heartbeat retention cannot cover
    /// (<see cref="PowerHistoryRetention"/>) is refused live as it is at start.
    /// </summary>
    private IReadOnlyDictionary<string, string> Problems(IReadOnlyDictionary<string, double> overrides)
    {
        var found = Thresholds.Problems(configured, overrides);
        if (found.Count > 0) return found;
        var tooShort = PowerHistoryRetention.Problem(Thresholds.Apply(configured, overrides), retention.Value.HeartbeatHours, RetentionOptions.HeartbeatHoursKey);
        return tooShort is null ? found : new Dictionary<string, string> { [nameof(DetectionOptions.UnstablePowerWindowHours)] = tooShort };
    }

    private static bool Same(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v.Equals(p.Value));

    /// <summary>e.g. "UnstablePowerLosses: 3 → 2; OfflineAfterSeconds: 300 → 180 (configured)".</summary>
    private static string Describe(IEnumerable<string> names, DetectionOptions before, DetectionOptions after, IReadOnlyDictionary<string, double> overrides) =>
        string.Join("; ", names.Select(n => Thresholds.Find(n)!).Select(s => overrides.ContainsKey(s.Name)
            ? $"{s.Name}: {Text(s.Read(before))} → {Text(s.Read(after))}"
            : $"{s.Name}: {Text(s.Read(before))} → {Text(s.Read(after))} (configured)"));

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Detection thresholds: {Count} saved override(s) applied")]
    private partial void LogApplied(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved setting override {Key} = {Value} is unknown or out of range; the configured value is used")]
    private partial void LogSkipped(string key, string value);
}
