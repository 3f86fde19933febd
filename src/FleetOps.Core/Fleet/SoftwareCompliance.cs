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
        Models = terminals.GroupBy(t => t.Model, StringComparer.OrdinalIgnoreCase)
            .Select(g => ComplianceCount.Of(g.Key, g)).OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();
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

    private IReadOnlyList<ComplianceCount> CountStores() => _terminals.GroupBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase)
        .Select(g => ComplianceCount.Of(g.Key, g))
        .OrderBy(c => c.CurrentShare).ThenByDescending(c => c.Terminals).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();

    private IReadOnlyDictionary<string, IReadOnlyList<VersionShare>> CountVersions() => _terminals
        .GroupBy(t => t.Model, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<VersionShare>)g.Where(t => t.AppVersion is not null)
                .GroupBy(t => t.AppVersion!, StringComparer.Ordinal)
                .Select(v => new VersionShare(v.Key, v.Count()))
                .OrderByDescending(v => v.Version, Comparer<string>.Create(SoftwareVersion.Compare)).ToList(),
            StringComparer.OrdinalIgnoreCase);

}
