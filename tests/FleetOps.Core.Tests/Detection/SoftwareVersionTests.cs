using FleetOps.Core.Detection;

namespace FleetOps.Core.Tests.Detection;

/// <summary>The version order of issue 13 item 1, on version strings terminals really send.</summary>
public class SoftwareVersionTests
{
    [Theory]
    // numeric, part by part, any number of parts
    [InlineData("3.10.0", "3.9.2")]
    [InlineData("1.10", "1.9")]
    [InlineData("3.2.1", "3.2")]
    [InlineData("10.0.0", "9.99.99")]
    [InlineData("3.2.0.1", "3.2")]
    [InlineData("2", "1.99")]
    [InlineData("3.2.10", "3.2.9")]
    [InlineData("1.0.0.0.1", "1.0.0.0.0.9")]
    [InlineData("2026.1.15", "2025.12.31")]
    [InlineData("4.0", "3.999999")]
    // pre-releases below their release, ordered among themselves as SemVer does
    [InlineData("3.3.0", "3.3.0-rc.1")]
    [InlineData("3.3.0-rc.2", "3.3.0-rc.1")]
    [InlineData("3.3.0-rc.10", "3.3.0-rc.2")]
    [InlineData("3.3.0-rc.1", "3.3.0-beta.11")]
    [InlineData("3.3.0-beta", "3.3.0-alpha")]
    [InlineData("3.3.0-alpha.1", "3.3.0-alpha")]
    [InlineData("3.3.0-alpha.beta", "3.3.0-alpha.1")]
    [InlineData("3.3.0", "3.3.0rc1")]
    [InlineData("3.3.0rc2", "3.3.0rc1")]
    [InlineData("3.3.0", "3.3.0 beta 2")]
    [InlineData("3.3.0-rc.1", "3.2.9")]
    [InlineData("3.3.0", "3.3-rc1")]
    // vendor prefixes and suffixes
    [InlineData("V3.2.1_20260101", "V3.2.0_20261231")]
    [InlineData("V3.10.0", "v3.9.9")]
    [InlineData("PAX-A920-3.2.1", "PAX-A920-3.1.9")]
    [InlineData("ver 4.0.0", "3.9.9")]
    [InlineData("3.2.1", "V3.2.0_CN")]
    [InlineData("APP_V2.1.0_B1234567", "APP_V2.0.9_B7654321")]
    [InlineData("3.3.0", "3.3.0-beta+exp.sha.5114f85")]
    public void Higher_version_compares_greater(string higher, string lower)
    {
        Assert.True(SoftwareVersion.Compare(higher, lower) > 0, $"{higher} > {lower}");
        Assert.True(SoftwareVersion.Compare(lower, higher) < 0, $"{lower} < {higher}");
    }

    [Theory]
    [InlineData("3.2", "3.2.0")]
    [InlineData("3", "3.0.0")]
    [InlineData("3.02", "3.2")]
    [InlineData("3.2.1", "3.2.1")]
    [InlineData("3.2.1+build.5", "3.2.1")]
    [InlineData("3.2.1+build.5", "3.2.1+build.9")]
    [InlineData("V3.2.1_20260101", "3.2.1")]
    [InlineData("3.2.1-20260101", "3.2.1")]
    [InlineData("v3.2.1", "V3.2.1")]
    [InlineData("V3.2.1_CN", "3.2.1")]
    [InlineData("3.3.0-RC.1", "3.3.0-rc.1")]
    [InlineData("3.3.0rc1", "3.3.0-rc.1")]
    [InlineData(" 3.2.1 ", "3.2.1")]
    public void Same_version_written_differently_compares_equal(string left, string right)
    {
        Assert.Equal(0, SoftwareVersion.Compare(left, right));
        Assert.Equal(SoftwareVersion.ParseOrNull(left), SoftwareVersion.ParseOrNull(right));
        Assert.Equal(SoftwareVersion.ParseOrNull(left)!.GetHashCode(), SoftwareVersion.ParseOrNull(right)!.GetHashCode());
    }

    [Theory]
    [InlineData("", "no version reported")]
    [InlineData("   ", "no version reported")]
    [InlineData(null, "no version reported")]
    [InlineData("latest", "has no version number")]
    [InlineData("unknown", "has no version number")]
    [InlineData("V.x", "has no version number")]
    [InlineData("3.1234567890.1", "too long")]
    public void A_string_that_cannot_be_ordered_says_why(string? text, string reason)
    {
        Assert.False(SoftwareVersion.TryParse(text, out var version, out var why));
        Assert.Null(version);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void Pre_release_is_known_and_text_is_kept_as_written()
    {
        Assert.True(SoftwareVersion.ParseOrNull("3.3.0-rc.1")!.IsPreRelease);
        Assert.False(SoftwareVersion.ParseOrNull("V3.2.1_20260101")!.IsPreRelease);
        Assert.Equal("V3.2.1_20260101", SoftwareVersion.ParseOrNull("V3.2.1_20260101")!.Text);
    }

    [Fact]
    public void Sorting_orders_versions_and_puts_strings_that_are_no_version_first()
    {
        string[] versions = ["3.10.0", "latest", "3.9.2", "3.2.1", "3.2.10-rc.1", "3.2.10", "3.2.9"];

        var sorted = versions.Order(Comparer<string>.Create(SoftwareVersion.Compare)).ToArray();

        Assert.Equal(["latest", "3.2.1", "3.2.9", "3.2.10-rc.1", "3.2.10", "3.9.2", "3.10.0"], sorted);
    }
}
