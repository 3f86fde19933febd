using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;

namespace FleetOps.Web.Api;

/// <summary>A sale a store power incident interrupted, with its recovery case if one was opened (docs/api.md §6, FleetOps addition).</summary>
public sealed record InterruptedPaymentDto(
    string TerminalId,
    string TransactionId,
    DateTimeOffset AuthorizedAt,
    long AmountMinor,
    string Currency,
    long? CaseId)
{
    public static InterruptedPaymentDto From(TrackedTransaction t, CaseBook cases) =>
        new(t.TerminalId, t.TransactionId, t.Record.AuthorizedAt.ToUniversalTime(), t.Record.AmountMinor, t.Record.Currency,
            cases.For(t.TerminalId, t.TransactionId)?.Id);
}
