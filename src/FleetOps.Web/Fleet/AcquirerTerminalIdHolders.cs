using FleetOps.Core.Fleet;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Which terminal in service holds each acquirer terminal id, per acquirer: the acquirer assigns its terminal ids, so
/// reconciliation (<c>Reconciliation/AcquirerIds</c>) can only tell two of its terminals apart by them. Compared as
/// reconciliation compares them: the acquirer ignoring letter case, the id exactly (every door trims it). A store
/// without an acquirer forms no group, and a decommissioned terminal holds nothing: its id is free again.
/// Built from the in-memory fleet and store directory under <see cref="FleetRegistry"/>'s gate, for the acquirers a
/// change concerns only (one pass over the fleet, no database scan: see decisions.md).
/// </summary>
public sealed class AcquirerTerminalIdHolders
{
    private readonly Dictionary<(string Acquirer, string Id), string> _holders = [];

    private AcquirerTerminalIdHolders()
    {
    }

    /// <summary>The holders under <paramref name="acquirers"/> (the others are not indexed); empty without any acquirer.</summary>
    public static AcquirerTerminalIdHolders Of(StoreDirectory stores, FleetState fleet, IEnumerable<string?> acquirers) =>
        Build(stores, fleet, acquirers, clashes: null);

    /// <summary>
    /// The clashes already in the fleet under every acquirer — older than the rule, or made by two nodes at one instant —
    /// each as the later terminal of its pair against the first.
    /// </summary>
    public static List<AcquirerTerminalIdClash> Existing(StoreDirectory stores, FleetState fleet)
    {
        var clashes = new List<AcquirerTerminalIdClash>();
        Build(stores, fleet, stores.All.Select(s => s.Acquirer), clashes);
        return clashes;
    }

    private static AcquirerTerminalIdHolders Build(StoreDirectory stores, FleetState fleet, IEnumerable<string?> acquirers,
        List<AcquirerTerminalIdClash>? clashes)
    {
        var holders = new AcquirerTerminalIdHolders();
        var wanted = acquirers.OfType<string>().Where(a => a.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0) return holders;
        foreach (var terminal in fleet.All.Select(t => t.Registration))
        {
            // An existing clash keeps its first holder here.
            if (!terminal.Decommissioned && stores.Get(terminal.StoreCode)?.Acquirer is { } acquirer && wanted.Contains(acquirer)
                && holders.Claim(acquirer, terminal) is { } clash)
            {
                clashes?.Add(clash);
            }
        }
        return holders;
    }

    /// <summary>
    /// Gives <paramref name="terminal"/>'s acquirer terminal id to it under <paramref name="acquirer"/>; the clash when
    /// another terminal holds it already. Nothing to claim without an acquirer or an id.
    /// </summary>
    public AcquirerTerminalIdClash? Claim(string? acquirer, TerminalRegistration terminal)
    {
        if (Key(acquirer, terminal.AcquirerTerminalId) is not { } key) return null;
        if (_holders.TryGetValue(key, out var holder) && !string.Equals(holder, terminal.TerminalId, StringComparison.OrdinalIgnoreCase))
        {
            return new AcquirerTerminalIdClash(acquirer!, terminal.AcquirerTerminalId!, terminal.TerminalId, holder);
        }
        _holders[key] = terminal.TerminalId;
        return null;
    }

    /// <summary>The one comparison of the rule, for the import's rows too; null when the rule does not apply.</summary>
    public static (string Acquirer, string Id)? Key(string? acquirer, string? acquirerTerminalId) =>
        string.IsNullOrEmpty(acquirer) || string.IsNullOrEmpty(acquirerTerminalId) ? null : (acquirer.ToLowerInvariant(), acquirerTerminalId);

    /// <summary>Whether a change gives a terminal another (acquirer, id) pair: an unchanged pair is not checked again.</summary>
    public static bool Changes(string? acquirerBefore, string? idBefore, string? acquirerAfter, string? idAfter) =>
        Key(acquirerBefore, idBefore) != Key(acquirerAfter, idAfter);
}
