using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Web.Api;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// What <see cref="RegionStoreFilter"/> offers: the regions of the stores in the person's scope, and those stores, narrowed
/// to the chosen region. One rule for the pages that show a part of the chain, so they offer and read the same choice.
/// </summary>
public sealed record RegionStoreChoice(IReadOnlyList<string> Regions, IReadOnlyList<StoreInfo> Stores)
{
    public static readonly RegionStoreChoice None = new([], []);

    public static RegionStoreChoice Of(AccessScope scope, StoreDirectory stores, string? region)
    {
        var mine = stores.All.Where(scope.AllowsStore).ToList();
        var regions = mine.Select(s => s.Region).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new RegionStoreChoice(regions, string.IsNullOrWhiteSpace(region)
            ? mine
            : mine.Where(s => string.Equals(s.Region, region, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    /// <summary>The region and store the address names, read leniently by the API's own filter parser (as every page reads its view).</summary>
    public static (string? Region, string? Store) Read(ViewAddress address)
    {
        return (new ListFilter().Text("region", address["region"]), StoreIn(address));
    }

    /// <summary>The one store the address names (<c>store=</c>), read by the same parser; pages that filter by store alone use it too.</summary>
    public static string? StoreIn(ViewAddress address) => new ListFilter().List("store", address["store"])?.FirstOrDefault();
}
