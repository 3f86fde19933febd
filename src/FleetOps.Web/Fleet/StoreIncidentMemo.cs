using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Fleet;

/// <summary>
/// One store's incidents as <see cref="StorePowerIncidentRule.Find"/> last derived them, with what they were derived from:
/// the store's terminals in service and their power histories (immutable: a terminal's history is replaced, never changed,
/// when an event adds to it), and the thresholds. Equal inputs give equal incidents, so the rule need not run again.
/// A history replaced by heartbeats that cannot change the rule's answers (<see cref="PowerHistory.AnswersAsBefore"/>, up
/// to the store's last loss) counts as equal: terminals keep beating through and after an outage, so with reference
/// equality alone the memo failed for every store with an incident on every read — ~110 ms of CPU per alert evaluation
/// for 200 such stores (a perf profile of a fleet-wide reboot, docs/benchmarks.md).
/// <para>
/// A later history that answers as the one kept replaces it (answering as before is transitive along a terminal's
/// histories): the memo then holds the fleet's current histories rather than the outdated ones beside them. Holding the
/// outdated ones kept a second history per terminal alive with its boot list and loss caches — after a fleet-wide reboot,
/// when every store has a memo, ~250 bytes a terminal (docs/benchmarks.md, memory). Readers calling <see cref="Holds"/>
/// at once may each write an element; either history answers the same.
/// </para>
/// </summary>
internal sealed class StoreIncidentMemo
{
    private readonly string[] _terminals;
    private readonly PowerHistory[] _histories;
    private readonly DetectionOptions _options;
    private readonly DateTimeOffset _lastLoss; // the latest loss of any of the store's terminals: incidents end at or before it

    public StoreIncidentMemo(IReadOnlyList<TerminalSnapshot> inService, DetectionOptions options, IReadOnlyList<StorePowerIncident> incidents)
    {
        _terminals = new string[inService.Count];
        _histories = new PowerHistory[inService.Count];
        for (var i = 0; i < inService.Count; i++)
        {
            _terminals[i] = inService[i].TerminalId;
            _histories[i] = inService[i].Power;
        }
        _options = options;
        _lastLoss = DateTimeOffset.MinValue;
        foreach (var history in _histories)
        {
            var losses = history.Losses();
            if (losses.Count > 0 && losses[^1] > _lastLoss) _lastLoss = losses[^1];
        }
        Incidents = incidents;
    }

    public IReadOnlyList<StorePowerIncident> Incidents { get; }

    /// <summary>
    /// True when the store's terminals in service (same ones, same order) still have the histories it was derived from, or
    /// later ones that answer as they did; those it keeps from then on. A memo that does not hold is replaced by its caller.
    /// </summary>
    public bool Holds(IReadOnlyList<TerminalSnapshot> inService, DetectionOptions options)
    {
        if (!ReferenceEquals(options, _options) || inService.Count != _terminals.Length) return false;
        for (var i = 0; i < _terminals.Length; i++)
        {
            if (!string.Equals(inService[i].TerminalId, _terminals[i], StringComparison.Ordinal)) return false;
            var history = inService[i].Power;
            if (!history.AnswersAsBefore(_histories[i], _lastLoss)) return false;
            _histories[i] = history;
        }
        return true;
    }
}
