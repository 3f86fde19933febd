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
