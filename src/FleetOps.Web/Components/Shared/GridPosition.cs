using System.Globalization;
using FleetOps.Web.Api;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// Where a person is in a grid — the sorted column, its direction, the page and the page size — as the query parameters
/// <c>sort</c>, <c>order=desc</c>, <c>page</c> (from 1) and <c>pageSize</c>, the same names the API's lists take. Every
/// grid keeps it in its address the same way (<see cref="ViewAddress"/>); defaults are left out so a plain view has a
/// plain address.
/// </summary>
public sealed record GridPosition(string? Sort, bool Descending, int Page, int PageSize)
{
    /// <summary>
    /// Reads the position through the API's own parser. A page is not an API: a value it does not understand (a sort
    /// column that does not exist, <c>page=abc</c>, a page size not offered) falls back to the default instead of an error.
    /// </summary>
    public static GridPosition Read(ViewAddress address, IReadOnlyList<int> pageSizes, IReadOnlyCollection<string> sorts)
    {
        var (page, size) = new ListFilter().Paging(address["page"], address["pageSize"], pageSizes.Max(), pageSizes[0]);
        var sort = address["sort"] is { } s && sorts.Contains(s) ? s : null;
        return new GridPosition(sort, sort is not null && address["order"] == "desc", page, pageSizes.Contains(size) ? size : pageSizes[0]);
    }

    public IReadOnlyDictionary<string, string?> Parameters(int defaultPageSize) => new Dictionary<string, string?>
    {
        ["sort"] = Sort,
        ["order"] = Sort is not null && Descending ? "desc" : null,
        ["page"] = Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null,
        ["pageSize"] = PageSize != defaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null,
    };
}
