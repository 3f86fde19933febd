using FleetOps.Core.Transactions;

namespace FleetOps.Web.Components.Transactions;

/// <summary>Where a sale's recovery case lives (the case page): the one spelling of its address for every link to it.</summary>
public static class CaseAddress
{
    public static string Of(string terminalId, string transactionId) =>
        $"transactions/{Uri.EscapeDataString(terminalId)}/{Uri.EscapeDataString(transactionId)}";

    public static string Of(TrackedTransaction t) => Of(t.TerminalId, t.TransactionId);
}
