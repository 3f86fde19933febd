using FleetOps.Core.Detection;

namespace FleetOps.Core.Tests.Detection;

public class SoftwareComplianceRuleTests
{
    private static readonly SoftwareTarget Target = new("A920", "3.3.0", "1.9.0", "3.0.0");

    [Fact]
    public void Without_a_target_for_the_model_status_is_unknown()
    {
        Assert.Equal(SoftwareStatus.Unknown, SoftwareComplianceRule.Evaluate("3.3.0", "1.9.0", null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("3.3.0", null)]
    [InlineData(null, "1.9.0")]
    public void Without_reported_versions_status_is_unknown(string? app, string? firmware)
    {
        Assert.Equal(SoftwareStatus.Unknown, SoftwareComplianceRule.Evaluate(app, firmware, Target));
    }

    [Theory]
    [InlineData("latest", "1.9.0", "app version: \"latest\" has no version number in it")]
    [InlineData("3.3.0", "", "firmware version: no version reported")]
    public void A_version_that_cannot_be_ordered_is_unknown_with_its_reason_not_compared_as_text(string app, string firmware, string reason)
    {
        Assert.Equal(SoftwareStatus.Unknown, SoftwareComplianceRule.Evaluate(app, firmware, Target));
        Assert.Equal(reason, SoftwareComplianceRule.UnknownReason(app, firmware, Target));
        Assert.Null(SoftwareComplianceRule.UnknownReason("3.3.0", "1.9.0", Target));
    }

    [Theory]
    [InlineData("V3.3.0_20260101", "1.9.0", SoftwareStatus.Current)]
    [InlineData("3.3.0-rc.2", "1.9.0", SoftwareStatus.Outdated)]
    [InlineData("V2.9.9_CN", "1.9.0", SoftwareStatus.Unsupported)]
    public void Vendor_spellings_and_pre_releases_are_judged_by_the_version_order(string app, string firmware, SoftwareStatus expected)
    {
        Assert.Equal(expected, SoftwareComplianceRule.Evaluate(app, firmware, Target));
    }

    [Theory]
    [InlineData("2.9.9", "1.9.0")]
    [InlineData("2.99", "9.9.9")]
    [InlineData("1.0", "1.0")]
    public void App_below_the_minimum_is_unsupported(string app, string firmware)
    {
        Assert.Equal(SoftwareStatus.Unsupported, SoftwareComplianceRule.Evaluate(app, firmware, Target));
    }

    [Theory]
    [InlineData("3.0.0", "1.9.0")] // at the minimum but below target
    [InlineData("3.2.9", "1.9.0")]
    [InlineData("3.3.0", "1.8.9")] // app current, firmware behind
    [InlineData("3.10.0", "1.8.0")]
    public void App_or_firmware_below_target_is_outdated(string app, string firmware)
    {
        Assert.Equal(SoftwareStatus.Outdated, SoftwareComplianceRule.Evaluate(app, firmware, Target));
    }

    [Theory]
    [InlineData("3.3.0", "1.9.0")]
    [InlineData("3.3", "1.9")]
    [InlineData("3.10.0", "1.10.0")]
    [InlineData("4.0.0", "2.0.0")]
    public void At_or_above_both_targets_is_current(string app, string firmware)
    {
        Assert.Equal(SoftwareStatus.Current, SoftwareComplianceRule.Evaluate(app, firmware, Target));
    }

    [Fact]
    public void Without_a_minimum_an_old_app_is_only_outdated()
    {
        var target = Target with { MinimumAppVersion = null };

        Assert.Equal(SoftwareStatus.Outdated, SoftwareComplianceRule.Evaluate("1.0.0", "1.9.0", target));
    }

    [Fact]
    public void String_order_would_call_3_9_newer_than_3_10_but_the_rule_compares_numerically()
    {
        var target = Target with { AppVersion = "3.10.0" };

        Assert.Equal(SoftwareStatus.Outdated, SoftwareComplianceRule.Evaluate("3.9.2", "1.9.0", target));
        Assert.Equal(SoftwareStatus.Current, SoftwareComplianceRule.Evaluate("3.10.0", "1.9.0", target));
    }
}
