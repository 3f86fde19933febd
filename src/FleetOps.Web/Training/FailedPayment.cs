using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Training;

/// <summary>
/// One operator-caused failure, the evidence behind "training recommended": the sale was authorised and never completed in
/// time, with no power loss to explain it; <see cref="LastStage"/> says what became of it (still authorised, voided, reversed).
/// </summary>
public sealed record FailedPayment(string StoreCode, string TerminalId, string TransactionId, long AmountMinor, string Currency,
    DateTimeOffset AuthorizedAt, TransactionStage LastStage)
{
    public static FailedPayment From(TransactionRecord r, string storeCode) =>
        new(storeCode, r.TerminalId, r.TransactionId, r.AmountMinor, r.Currency, r.AuthorizedAt, r.LastStage);
}
