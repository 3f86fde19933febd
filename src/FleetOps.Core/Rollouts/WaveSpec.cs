namespace FleetOps.Core.Rollouts;

/// <summary>How a wave picks its terminals: the model's terminals in these stores, or this percentage of those left.</summary>
public sealed record WaveSpec(IReadOnlyList<string>? Stores, int? Percent)
{
    public static WaveSpec OfStores(params string[] stores) => new(stores, null);

    public static WaveSpec OfPercent(int percent) => new(null, percent);
}
