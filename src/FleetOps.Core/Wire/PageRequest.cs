namespace FleetOps.Core.Wire;

/// <summary>
/// A page of a list as the API and the grids ask for it: <see cref="Page"/> from 1 and <see cref="PageSize"/> rows.
/// <see cref="Skip"/> is the one place the rows before a page are counted, so no list works it out on its own again:
/// (page − 1) × size overflows <c>int</c> for a page far beyond the end (page 8,589,935 of 500 wrapped to a negative
/// offset — the first page again on SQLite, a 500 "OFFSET must not be negative" on PostgreSQL).
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>
    /// The rows before the page, worked out in <c>long</c> and held at <see cref="int.MaxValue"/> (LINQ and EF take an
    /// <c>int</c>): no list has that many rows, so a page beyond the end is empty, as it should be.
    /// </summary>
    public int Skip => (int)Math.Min((long)(Math.Max(Page, 1) - 1) * Math.Max(PageSize, 0), int.MaxValue);

    /// <summary>The page's rows of an ordered sequence held in memory.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> rows) => rows.Skip(Skip).Take(PageSize);
}
