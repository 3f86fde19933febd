using FleetOps.Core.Detection;

namespace FleetOps.Core.Tests.Detection;

public class SoftwareVersionTests
{
    [Theory]
    [InlineData("3.10.0", "3.9.2")]
    [InlineData("1.10", "1.9")]
    [InlineData("3.2.1", "3.2")]
    [InlineData("10.0.0", "9.99.99")]
    [InlineData("3.2.0.1", "3.2")]
    [InlineData("2", "1.99")]
    public void Higher_version_compares_greater_part_by_part_numerically(string higher, string lower)
    {
        Assert.True(SoftwareVersion.Compare(higher, lower) > 0);
        Assert.True(SoftwareVersion.Compare(lower, higher) < 0);
    }

    [Theory]
    [InlineData("3.2", "3.2.0")]
    [InlineData("3.2.0", "3.2")]
    [InlineData("3", "3.0.0")]
    [InlineData("3.02", "3.2")]
    [InlineData("3.2.1", "3.2.1")]
    public void Missing_parts_and_leading_zeros_compare_equal(string left, string right)
    {
        Assert.Equal(0, SoftwareVersion.Compare(left, right));
    }

    [Fact]
    public void Non_numeric_suffix_of_a_part_is_ignored()
    {
        Assert.Equal(0, SoftwareVersion.Compare("3.3.0-beta", "3.3.0"));
        Assert.True(SoftwareVersion.Compare("3.10-rc1", "3.9") > 0);
    }

    [Fact]
    public void Sorting_with_compare_orders_versions_numerically()
    {
        string[] versions = ["3.10.0", "3.9.2", "3.2.1", "3.2.10", "3.2.9"];

        var sorted = versions.Order(Comparer<string>.Create(SoftwareVersion.Compare)).ToArray();

        Assert.Equal(["3.2.1", "3.2.9", "3.2.10", "3.9.2", "3.10.0"], sorted);
    }
}
