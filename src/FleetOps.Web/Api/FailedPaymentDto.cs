using FleetOps.Core.Wire;
using FleetOps.Web.Training;

namespace FleetOps.Web.Api;

/// <summary>
/// An operator-caused failure, the evidence of "training recommended" (FleetOps addition): <c>reason</c> is always
/// <c>incomplete</c> (authorised, never completed in time, no power loss); <c>lastStage</c> says what became of it.
/// </summary>
public sealed record FailedPaymentDto(string TransactionId, string TerminalId, string StoreCode, long AmountMinor, string Currency,
    DateTimeOffset AuthorizedAt, string Reason, string LastStage)
{
    public static FailedPaymentDto From(FailedPayment p) =>
        new(p.TransactionId, p.TerminalId, p.StoreCode, p.AmountMinor, p.Currency, p.AuthorizedAt, "incomplete", p.LastStage.ToWire());
}
