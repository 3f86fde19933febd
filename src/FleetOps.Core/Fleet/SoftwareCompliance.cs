using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>
/// The software picture of a set of terminals (the caller's scope; decommissioned ones left out): status counts per model
/// and per store, each model's app versions from newest to oldest, and the terminals behind their target, longest first.
/// One pass over the terminals; the page and <c>GET /api/v1/software/compliance</c> read the same figures.
/// </summary>
public sealed record SoftwareCompliance(
    IReadOnlyList<ComplianceCount> Models,
    IReadOnlyList<ComplianceCount> Stores,
    IReadOnlyDictionary<string, IReadOnlyList<VersionShare>> Versions,
    IReadOnlyList<(TerminalSnapshot Terminal, DateTimeOffset? BehindSince)> Behind)
{
    public static SoftwareCompliance Of(IEnumerable<TerminalSnapshot> terminals, Func<string, SoftwareTarget?> targetFor)
    {
        var inService = terminals.Where(t => !t.Registration.Decommissioned).ToList();
        var models = inService.GroupBy(t => t.Model, StringComparer.OrdinalIgnoreCase)
            .Select(g => ComplianceCount.Of(g.Key, g)).OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();
        var stores = inService.GroupBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => ComplianceCount.Of(g.Key, g))
            .OrderBy(c => c.CurrentShare).ThenByDescending(c => c.Terminals).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();
        var versions = inService.GroupBy(t => t.Model, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<VersionShare>)g.Where(t => t.AppVersion is not null)
                .GroupBy(t => t.AppVersion!, StringComparer.Ordinal)
                .Select(v => new VersionShare(v.Key, v.Count()))
                .OrderByDescending(v => v.Version, Comparer<string>.Create(SoftwareVersion.Compare)).ToList(),
            StringComparer.OrdinalIgnoreCase);
        var behind = inService.Where(t => t.Assessment.Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported)
            .Select(t => (Terminal: t, BehindSince: SoftwareLag.BehindSince(t, targetFor(t.Model))))
            .OrderBy(x => x.Terminal.Assessment.Software == SoftwareStatus.Unsupported ? 0 : 1)
            .ThenBy(x => x.BehindSince ?? DateTimeOffset.MaxValue).ThenBy(x => x.Terminal.TerminalId, StringComparer.Ordinal)
            .ToList();
        return new SoftwareCompliance(models, stores, versions, behind);
    }
}
