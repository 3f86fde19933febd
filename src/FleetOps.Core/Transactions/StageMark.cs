using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>One stage of a transaction as reported, with the id of the event that reported it.</summary>
public sealed record StageMark(TransactionStage Stage, DateTimeOffset At, string EventId);
