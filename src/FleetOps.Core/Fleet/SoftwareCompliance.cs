using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>
/// The software picture of a set of terminals (the caller's scope; decommissioned ones left out): status counts per model
/// and per store, each model's app versions from newest to oldest, and the terminals behind their target, longest first.
/// The page and <c>GET /api/v1/software/compliance</c> read the same figures. Only the counts per model are made at once;
/// the rest when first asked for, so a caller that needs the model table alone does not sort 100,000 terminals for it.
/// </summary>
public sealed class SoftwareCompliance
{
    private readonly List<TerminalSnapshot> _terminals;
    private readonly Func<string, SoftwareTarget?> _targetFor;
    private readonly Lazy<IReadOnlyList<ComplianceCount>> _stores;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<VersionShare>>> _versions;

    private SoftwareCompliance(List<TerminalSnapshot> terminals, Func<string, SoftwareTarget?> targetFor)
    {
        _terminals = terminals;
        _targetFor = targetFor;
        Models = Count(terminals, t => t.Model).OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();
        _stores = new(CountStores);
        _versions = new(CountVersions);
    }

    public static SoftwareCompliance Of(IEnumerable<TerminalSnapshot> terminals, Func<string, SoftwareTarget?> targetFor) =>
        new(terminals.Where(t => !t.Registration.Decommissioned).ToList(), targetFor);

    public IReadOnlyList<ComplianceCount> Models { get; }

    /// <summary>Lowest share running the target first.</summary>
    public IReadOnlyList<ComplianceCount> Stores => _stores.Value;

    /// <summary>Each model's app versions, newest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<VersionShare>> Versions => _versions.Value;

    /// <summary>How many terminals are behind their target (outdated or unsupported).</summary>
    public int BehindCount => Models.Sum(m => m.Outdated + m.Unsupported);

    /// <summary>
    /// The first <paramref name="count"/> terminals behind their target: unsupported before outdated, each longest behind
    /// first. Ordered only as far as asked (LINQ sorts a taken range partially), not the whole fleet.
    /// </summary>
    public IReadOnlyList<(TerminalSnapshot Terminal, DateTimeOffset? BehindSince)> Behind(int count) => _terminals
        .Where(t => t.Assessment.Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported)
        .Select(t => (Terminal: t, BehindSince: SoftwareLag.BehindSince(t, _targetFor(t.Model))))
        .OrderBy(x => x.Terminal.Assessment.Software == SoftwareStatus.Unsupported ? 0 : 1)
        .ThenBy(x => x.BehindSince ?? DateTimeOffset.MaxValue).ThenBy(x => x.Terminal.TerminalId, StringComparer.Ordinal)
        .Take(count)
        .ToList();

    /// <summary>Every model together.</summary>
    public ComplianceCount Total => new("", Models.Sum(m => m.Terminals), Models.Sum(m => m.Current), Models.Sum(m => m.Outdated),
        Models.Sum(m => m.Unsupported), Models.Sum(m => m.Unknown));

    private IReadOnlyList<ComplianceCount> CountStores() => Count(_terminals, t => t.StoreCode)
        .OrderBy(c => c.CurrentShare).ThenByDescending(c => c.Terminals).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Status counts per key in one pass with one tally per key. The page rebuilds these on every live change of a fleet of
    /// 100,000; grouping first (LINQ's GroupBy keeps every terminal of every group) cost several times more.
    /// </summary>
    private static IEnumerable<ComplianceCount> Count(List<TerminalSnapshot> terminals, Func<TerminalSnapshot, string> key)
    {
        var tallies = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in terminals)
        {
            var k = key(t);
            if (!tallies.TryGetValue(k, out var tally)) tallies[k] = tally = new int[4];
            tally[t.Assessment.Software switch
            {
                SoftwareStatus.Current => 0,
                SoftwareStatus.Outdated => 1,
                SoftwareStatus.Unsupported => 2,
                _ => 3,
            }]++;
        }
        return tallies.Select(p => new ComplianceCount(p.Key, p.Value.Sum(), p.Value[0], p.Value[1], p.Value[2], p.Value[3]));
    }

    private IReadOnlyDictionary<string, IReadOnlyList<VersionShare>> CountVersions()
    {
        var perModel = new Dictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in _terminals)
        {
            if (!perModel.TryGetValue(t.Model, out var versions)) perModel[t.Model] = versions = new Dictionary<string, int>(StringComparer.Ordinal);
            if (t.AppVersion is { } version) versions[version] = versions.GetValueOrDefault(version) + 1;
        }
        var newestFirst = Comparer<string>.Create((a, b) => SoftwareVersion.Compare(b, a));
        return perModel.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<VersionShare>)p.Value.OrderBy(v => v.Key, newestFirst).Select(v => new VersionShare(v.Key, v.Value)).ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The same picture for one model's terminals, without counting the whole fleet again.</summary>
    public SoftwareCompliance OfModel(string model) => new(
        _terminals.Where(t => string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase)).ToList(), _targetFor);
}
