using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Core.Maintenance;

/// <summary>
/// Whether maintenance worked (issue 14 item 6): a terminal whose power is still unstable a week after its last power
/// inspection, and that lost power again after it, was not fixed by it — the supply, the cable or the store's mains need
/// another look, and the page says so instead of letting the done work order suggest all is well.
/// </summary>
public static class FixOutcome
{
    /// <summary>How long a fix gets before it is judged: losses right after the visit may be the last of the old trouble.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromDays(7);

    /// <summary>
    /// The terminal's last done power work (its own, or its store's) when, <see cref="Settle"/> after it, the terminal is
    /// unstable with a loss after it; null when the fix held, is too recent to judge, or there was none.
    /// </summary>
    public static WorkOrder? PowerFixFailed(TerminalSnapshot terminal, IEnumerable<WorkOrder> orders, DateTimeOffset now)
    {
        if (terminal.Assessment.Power != PowerStatus.Unstable) return null;
        var fix = orders
            .Where(o => o is { State: WorkOrderState.Done, Kind: WorkOrderKind.Power, ClosedAt: not null }
                && string.Equals(o.StoreCode, terminal.StoreCode, StringComparison.OrdinalIgnoreCase)
                && (o.TerminalId is null || string.Equals(o.TerminalId, terminal.TerminalId, StringComparison.Ordinal)))
            .MaxBy(o => o.ClosedAt);
        return fix is { ClosedAt: { } done } && now - done >= Settle && terminal.Assessment.LastLossAt > done ? fix : null;
    }
}
