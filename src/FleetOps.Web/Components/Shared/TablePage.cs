using System.Globalization;
using FleetOps.Web.Api;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The page of a plain table (no sort, a fixed page size) kept in the address as a number from 1 under a name of its own,
/// so two tables on one page each keep theirs (<c>daysPage</c>, <c>exceptionsPage</c>). Grids with sort and page size
/// use <see cref="GridPosition"/>; this is its page alone, read through the same <see cref="ListFilter"/> rule.
/// </summary>
public static class TablePage
{
    /// <summary>
    /// The table's zero-based page index from the address; the first page when absent or not understood, and the last
    /// page when the address names one past the end (a shared link to page 3 of a list that has since shrunk).
    /// </summary>
    public static int Read(ViewAddress address, string name, int rows, int rowsPerPage)
    {
        var filter = new ListFilter();
        var page = filter.Paging(address[name], null, rowsPerPage, rowsPerPage).Page;
        var last = Math.Max(0, (rows - 1) / rowsPerPage);
        return filter.HasErrors ? 0 : Math.Min(page - 1, last);
    }

    /// <summary>The address's value for a zero-based page index: none for the first page, so a plain view has a plain address.</summary>
    public static string? Parameter(int index) => index > 0 ? (index + 1).ToString(CultureInfo.InvariantCulture) : null;
}
