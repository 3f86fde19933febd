using FleetOps.Core.Fleet;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// How one acquirer's reports name the chain (PROTOCOL §11): its merchant ids of stores and its terminal ids, each to the
/// FleetOps store (and terminal). Taken from the store directory and the fleet when an import starts. A line naming
/// neither a known merchant nor a known terminal is listed as an error; the rest of the file is imported.
/// </summary>
public sealed class AcquirerIds
{
    private readonly Dictionary<string, StoreInfo> _merchants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerminalRegistration> _terminals = new(StringComparer.Ordinal);

    public AcquirerIds(string acquirer, StoreDirectory stores, FleetState fleet)
    {
        var ofAcquirer = new Dictionary<string, StoreInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var store in stores.All.Where(s => string.Equals(s.Acquirer, acquirer, StringComparison.OrdinalIgnoreCase)))
        {
            ofAcquirer[store.Code] = store;
            if (!string.IsNullOrEmpty(store.MerchantId)) _merchants[store.MerchantId] = store;
        }
        Stores = ofAcquirer;
        foreach (var terminal in fleet.All.Select(t => t.Registration))
        {
            // One terminal in service per id and acquirer (FleetRegistry refuses a second); a decommissioned one freed its
            // id and still names its old sales' lines, unless a terminal in service took the id since.
            if (!string.IsNullOrEmpty(terminal.AcquirerTerminalId) && ofAcquirer.ContainsKey(terminal.StoreCode)
                && (!terminal.Decommissioned || _terminals.GetValueOrDefault(terminal.AcquirerTerminalId) is not { Decommissioned: false }))
            {
                _terminals[terminal.AcquirerTerminalId] = terminal;
            }
        }
    }

    /// <summary>The stores this acquirer credits, by code.</summary>
    public IReadOnlyDictionary<string, StoreInfo> Stores { get; }

    public StoreInfo? Merchant(string merchantId) => _merchants.GetValueOrDefault(merchantId);

    public TerminalRegistration? Terminal(string acquirerTerminalId) => _terminals.GetValueOrDefault(acquirerTerminalId);

    /// <summary>The store a line belongs to: its terminal's store, else its merchant's; null when the acquirer names neither.</summary>
    public string? StoreOf(string merchantId, string acquirerTerminalId) =>
        (acquirerTerminalId.Length > 0 ? Terminal(acquirerTerminalId)?.StoreCode : null)
        ?? (merchantId.Length > 0 ? Merchant(merchantId)?.Code : null);
}
