using FleetOps.Core.Fleet;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// A terminal to look at: its newest heartbeat reports reversals it could not send yet, or it holds completed sales whose
/// batch was not settled within the settle limit (the batch was never closed).
/// </summary>
public sealed record AttentionTerminal(
    string TerminalId, string StoreCode, StoreInfo? Store, int PendingReversals, RiskTotals Overdue,
    DateTimeOffset? OldestOverdueAt, HeartbeatFacts? Heartbeat, DateTimeOffset? LastContactAt);
