using FleetOps.Core.Fleet;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// A checked onboarding file: the stores and terminals it would create, the row each came from (to report a conflict the
/// registry finds later against its row), and the problems found. Only a plan without problems is written.
/// </summary>
public sealed class ImportPlan
{
    public List<StoreInfo> NewStores { get; } = [];
    public List<TerminalRegistration> NewTerminals { get; } = [];

    /// <summary>Row of the first mention of each store code new to the fleet, compared case-insensitively.</summary>
    public Dictionary<string, int> StoreRows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The new store each code stands for; missing when its defining row had problems.</summary>
    public Dictionary<string, StoreInfo> StoresByCode { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A new store whose defining row had problems, as that row wrote it: the store's later rows are still compared with
    /// it, so that one answer lists every problem of the file (a later row contradicting it, say) rather than one at a time.
    /// </summary>
    public Dictionary<string, StoreInfo> RefusedStores { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Row of each terminal id, compared case-insensitively (like registration).</summary>
    public Dictionary<string, int> TerminalRows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Row of each acquirer terminal id under its store's acquirer (<see cref="Fleet.AcquirerTerminalIdHolders.Key"/>).</summary>
    public Dictionary<(string Acquirer, string Id), int> AcquirerTerminalRows { get; } = [];

    public ImportErrorList Errors { get; } = new();
    public int RowsRead { get; set; }
}
