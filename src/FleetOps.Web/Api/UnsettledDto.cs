using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;
using FleetOps.Web.Cases;
using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Api;

/// <summary>
/// An unsettled transaction as the API and the CSV show it (docs/api.md §2). For <c>not_credited</c>,
/// <see cref="CreditReport"/> names the acquirer's report that proves the absence (PROTOCOL §11).
/// </summary>
public sealed record UnsettledDto(
    string TerminalId, string StoreCode, string TransactionId, long AmountMinor, string Currency, string? MaskedPan,
    string? AuthCode, string? Rrn, string? BatchNumber, DateTimeOffset AuthorizedAt, string LastStage, string Reason, string CaseStatus)
{
    public CreditReportDto? CreditReport { get; init; }

    public static UnsettledDto From(TrackedTransaction t, CaseBook cases, NotCreditedBook? proofs = null) => new(
        t.TerminalId, t.StoreCode, t.TransactionId, t.Record.AmountMinor, t.Record.Currency, t.Record.MaskedPan, t.Record.AuthCode,
        t.Record.Rrn, t.Record.BatchNumber, t.Record.AuthorizedAt, t.Record.LastStage.ToWire(),
        t.Verdict.Reason!.Value.ToWire(), cases.StatusOf(t.TerminalId, t.TransactionId))
    {
        CreditReport = t.Verdict.Reason == UnsettledReason.NotCredited && proofs?.ProofOf(t.TerminalId, t.TransactionId) is { } proof
            ? CreditReportDto.From(proof)
            : null,
    };
}
