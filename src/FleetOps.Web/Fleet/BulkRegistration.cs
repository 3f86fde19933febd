namespace FleetOps.Web.Fleet;

/// <summary>
/// The answer of <see cref="FleetRegistry.ImportAsync"/>: either the store codes and terminal ids that were taken by the
/// time the import held the registry and the acquirer terminal ids that clash (nothing written), that another node
/// registered one of them during the write (nothing written), or the new terminals with their keys (all written).
/// </summary>
public sealed record BulkRegistration(
    IReadOnlyList<string> TakenStoreCodes,
    IReadOnlyList<string> TakenTerminalIds,
    IReadOnlyList<RegisteredTerminal> Registered,
    bool LostRaceWithAnotherNode = false)
{
    public IReadOnlyList<AcquirerTerminalIdClash> AcquirerTerminalIdClashes { get; init; } = [];

    public bool Refused => TakenStoreCodes.Count > 0 || TakenTerminalIds.Count > 0 || AcquirerTerminalIdClashes.Count > 0 || LostRaceWithAnotherNode;
}
