using System.Collections.Concurrent;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Core.Rollouts;

namespace FleetOps.Web.Rollouts;

/// <summary>
/// Every rollout, in memory, and the directive of each terminal in a started wave. The telemetry answer asks
/// <see cref="TargetOf"/> per request: one dictionary read, no query. Only <see cref="RolloutService"/> writes here, after
/// its commit, and the start-up load; so every node builds the same picture from the database.
/// </summary>
public sealed class RolloutBook(TimeProvider time, ILogger<RolloutBook> logger) : IChangeSource<Rollout>
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<long, Rollout> _byId = new();
    private readonly ConcurrentDictionary<string, RolloutTarget> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _runningMember = new(StringComparer.Ordinal);
    private readonly ChangeFeed<Rollout> _changes = new("rollouts", time, logger);

    public IDisposable Subscribe(Func<Rollout, bool>? relevant, Func<ChangeBatch<Rollout>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Rollout> All => _byId.Values.OrderByDescending(r => r.Id).ToList();

    public Rollout? Get(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The rollout of the model that is still running or halted (at most one: a new one supersedes it).</summary>
    public Rollout? Active(string model) =>
        _byId.Values.Where(r => r.State != RolloutState.Completed && string.Equals(r.Model, model, StringComparison.OrdinalIgnoreCase))
            .MaxBy(r => r.Id);

    /// <summary>The target of the newest started wave the terminal belongs to, or null: then the model's target applies.</summary>
    public RolloutTarget? TargetOf(string terminalId) => _targets.GetValueOrDefault(terminalId);

    /// <summary>The rollout, running or halted, whose waves hold this terminal; its progress changes with the terminal.</summary>
    public long? ActiveRolloutOf(string terminalId) => _runningMember.TryGetValue(terminalId, out var id) ? id : null;

    /// <summary>Replaces everything (start-up), oldest rollout first, so the newest started wave of each terminal wins.</summary>
    public void Load(IEnumerable<Rollout> rollouts)
    {
        lock (_gate)
        {
            _byId.Clear();
            _targets.Clear();
            _runningMember.Clear();
            foreach (var rollout in rollouts.OrderBy(r => r.Id)) Apply(null, rollout);
        }
        _changes.Publish(_byId.Values.ToList());
    }

    /// <summary>Publishes committed rollouts (a new one, or a change of state or of started waves).</summary>
    public void Put(params Rollout[] rollouts)
    {
        lock (_gate)
        {
            foreach (var rollout in rollouts) Apply(_byId.GetValueOrDefault(rollout.Id), rollout);
        }
        _changes.Publish(rollouts);
    }

    private void Apply(Rollout? before, Rollout rollout)
    {
        _byId[rollout.Id] = rollout;
        for (var i = 0; i < rollout.Waves.Count; i++)
        {
            // Only a wave that starts now is written: a wave started earlier was written then, and a newer rollout's
            // wave may have taken some of its terminals since.
            if (!rollout.Waves[i].Started || before?.Waves[i].Started == true) continue;
            var target = new RolloutTarget(rollout.AppVersion, rollout.FirmwareVersion, rollout.Id, i + 1);
            foreach (var terminal in rollout.Waves[i].Terminals) _targets[terminal] = target;
        }
        var active = rollout.State != RolloutState.Completed;
        foreach (var terminal in rollout.Waves.SelectMany(w => w.Terminals))
        {
            if (active) _runningMember[terminal] = rollout.Id;
            else if (_runningMember.TryGetValue(terminal, out var id) && id == rollout.Id) _runningMember.TryRemove(terminal, out _);
        }
    }

    /// <summary>The terminals a person with <paramref name="scope"/> sees; null (no filter) for someone who sees every store.</summary>
    public static Func<TerminalSnapshot, bool>? Visible(AccessScope scope, StoreDirectory stores) =>
        scope.Everything ? null : t => scope.AllowsTerminal(t, stores);

    /// <summary>
    /// The stores a person with <paramref name="scope"/> sees, for the stores a wave names (another store's code is not theirs to
    /// learn, as out-of-scope stores answer like missing ones); null for someone who sees every store.
    /// </summary>
    public static Func<string, bool>? VisibleStore(AccessScope scope, StoreDirectory stores) =>
        scope.Everything ? null : code => scope.AllowsStore(code, stores);

    /// <summary>Whether a rollout reaches any terminal the person sees: otherwise it is answered like one that does not exist.</summary>
    public static bool Reaches(Rollout rollout, FleetState fleet, Func<TerminalSnapshot, bool>? visible) =>
        visible is null || rollout.Waves.Any(w => w.Terminals.Any(id => fleet.Get(id) is { } t && visible(t)));

    /// <summary>The progress of each wave, from the terminals' current snapshots; only the <paramref name="visible"/> ones if given.</summary>
    public static IReadOnlyList<WaveProgress> Progress(Rollout rollout, FleetState fleet, Func<TerminalSnapshot, bool>? visible = null) =>
        rollout.Waves.Select(w => RolloutRule.Progress(rollout, w,
            visible is null ? fleet.Get : id => fleet.Get(id) is { } t && visible(t) ? t : null)).ToList();
}
