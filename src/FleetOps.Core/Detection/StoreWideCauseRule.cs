namespace FleetOps.Core.Detection;

/// <summary>
/// Tells a failing device from a store-wide outage (docs/api.md §3): when at least 60 % of a store's
/// terminals (and at least two) lost power within two minutes of this terminal's latest loss, the store's
/// supply is the likely cause; otherwise the device (its supply, cable or battery).
/// </summary>
public static class StoreWideCauseRule
{
    /// <param name="latestLoss">This terminal's latest loss.</param>
    /// <param name="storeLosses">For every terminal of the store (this one included), its losses.</param>
    public static LikelyCause Evaluate(DateTimeOffset latestLoss, IReadOnlyCollection<IReadOnlyList<DateTimeOffset>> storeLosses, DetectionOptions options)
    {
        var span = options.StoreWideSpan;
        var affected = storeLosses.Count(losses => losses.Any(l => (l - latestLoss).Duration() <= span));
        var needed = Math.Max(options.StoreWideMinimumTerminals, (int)Math.Ceiling(options.StoreWideShare * storeLosses.Count));
        return affected >= needed ? LikelyCause.Store : LikelyCause.Device;
    }
}
