namespace FleetOps.Core.Reconciliation;

/// <summary>A sale by FleetOps' own ids: the terminal and its transaction id.</summary>
public readonly record struct SaleKey(string TerminalId, string TransactionId)
{
    public static SaleKey Of(CreditCandidate sale) => new(sale.TerminalId, sale.TransactionId);
}
