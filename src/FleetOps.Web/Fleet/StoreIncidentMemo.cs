using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Fleet;

/// <summary>
/// One store's incidents as <see cref="StorePowerIncidentRule.Find"/> last derived them, with what they were derived from:
/// the store's terminals in service and their power histories (immutable: a terminal's history is replaced, never changed,
/// when an event adds to it), and the thresholds. Equal inputs give equal incidents, so the rule need not run again.
/// </summary>
internal sealed class StoreIncidentMemo
{
    private readonly string[] _terminals;
    private readonly PowerHistory[] _histories;
    private readonly DetectionOptions _options;

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
        Incidents = incidents;
    }

    public IReadOnlyList<StorePowerIncident> Incidents { get; }

    /// <summary>True when the store's terminals in service (same ones, same order) still have the very histories it was derived from.</summary>
    public bool Holds(IReadOnlyList<TerminalSnapshot> inService, DetectionOptions options)
    {
        if (!ReferenceEquals(options, _options) || inService.Count != _terminals.Length) return false;
        for (var i = 0; i < _terminals.Length; i++)
        {
            if (!ReferenceEquals(inService[i].Power, _histories[i]) || !string.Equals(inService[i].TerminalId, _terminals[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
