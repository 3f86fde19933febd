using FleetOps.Core.Wire;

namespace FleetOps.Core.Tests.Wire;

/// <summary>
/// The rows before a page are counted in one place: a page far beyond the end is empty, never the first page again
/// (page 8,589,935 of 500 used to wrap to a negative offset in <c>int</c>).
/// </summary>
public sealed class PageRequestTests
{
    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(3, 50, 100)]
    [InlineData(8_589_935, 500, int.MaxValue)]
    [InlineData(int.MaxValue, 1000, int.MaxValue)]
    [InlineData(0, 50, 0)]
    public void Skip_counts_the_rows_before_the_page_without_wrapping(int page, int pageSize, int expected) =>
        Assert.Equal(expected, new PageRequest(page, pageSize).Skip);

    [Fact]
    public void A_page_beyond_the_end_is_empty()
    {
        var rows = Enumerable.Range(1, 10).ToList();

        Assert.Equal([4, 5, 6], new PageRequest(2, 3).Of(rows));
        Assert.Empty(new PageRequest(8_589_935, 500).Of(rows));
    }
}
