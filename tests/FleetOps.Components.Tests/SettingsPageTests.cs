using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Security;
using FleetOps.Web.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>The administrators' thresholds page: hidden from others, saves what changed (in force and audited), resets, refuses out-of-range values, in both languages.</summary>
public sealed class SettingsPageTests : FleetComponentTest
{
    public SettingsPageTests()
    {
        Services.AddSingleton(sp => new ThresholdSettings(Database.Factory, Fleet, Detection, sp.GetRequiredService<FleetOps.Web.Cluster.ChangeAnnouncer>(), Clock,
            Microsoft.Extensions.Options.Options.Create(new FleetOps.Web.Background.RetentionOptions()), NullLogger<ThresholdSettings>.Instance));
    }

    private ThresholdSettings Thresholds => Services.GetRequiredService<ThresholdSettings>();

    [Fact]
    public void A_store_manager_sees_the_not_found_panel()
    {
        AddStore("S-1");
        SignInAsStoreManager("S-1");

        var cut = Render<SettingsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=not-found]")));
        Assert.Empty(cut.FindAll("[data-testid=settings-save]"));
    }

    [Fact]
    public async Task Saving_a_lower_loss_count_puts_it_in_force_marks_it_changed_and_audits_it()
    {
        var snackbars = Context.Render<MudSnackbarProvider>();
        var cut = Render<SettingsPage>();

        cut.WaitForElement("input[data-testid=setting-input-unstablePowerLosses]").Change("2");
        cut.Find("[data-testid=settings-save]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Thresholds saved and in force now.", snackbars.Markup));
        Assert.Equal(2, Fleet.Options.UnstablePowerLosses);
        var field = cut.Find("[data-testid=setting-unstablePowerLosses]");
        Assert.Contains("Changed here", field.TextContent);
        Assert.Contains("Configured: 3", field.TextContent);
        Assert.Empty(cut.Find("[data-testid=setting-offlineAfterSeconds]").QuerySelectorAll("[data-testid=setting-overridden]"));
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.ThresholdsChanged, 0, 10);
        Assert.Equal("UnstablePowerLosses: 3 → 2", Assert.Single(entries).Details);
    }

    [Fact]
    public void Reset_brings_the_configured_value_back()
    {
        Wait(() => Thresholds.SaveAsync(new Dictionary<string, double?> { ["BatteryWeakRuntimeMinutes"] = 25 }, "admin@fleetops.test", null));
        var snackbars = Context.Render<MudSnackbarProvider>();
        var cut = Render<SettingsPage>();

        cut.WaitForElement("[data-testid=setting-batteryWeakRuntimeMinutes] [data-testid=setting-reset]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Weak battery below is back to its configured value.", snackbars.Markup));
        Assert.Equal(10, Fleet.Options.BatteryWeakRuntimeMinutes);
        Assert.Empty(cut.FindAll("[data-testid=setting-overridden]"));
    }

    /// <summary>An outside tester set 180 → 240 → 180 and still read "changed here" (已在此修改) beside the configured value.</summary>
    [Fact]
    public async Task Saving_the_configured_value_again_drops_the_changed_here_mark_and_audits_the_return()
    {
        Wait(() => Thresholds.SaveAsync(new Dictionary<string, double?> { ["OfflineAfterSeconds"] = 240 }, "admin@fleetops.test", null));
        UseLanguage(Languages.Chinese);
        var cut = Render<SettingsPage>();
        cut.WaitForAssertion(() => Assert.Contains("已在此修改", cut.Find("[data-testid=setting-offlineAfterSeconds]").TextContent));

        cut.Find("input[data-testid=setting-input-offlineAfterSeconds]").Change("180");
        cut.Find("[data-testid=settings-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=setting-overridden]")));
        Assert.Equal(180, Fleet.Options.OfflineAfterSeconds);
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.ThresholdsChanged, 0, 10);
        Assert.Equal("OfflineAfterSeconds: 240 → 180 (configured)", entries.First().Details);
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public void An_out_of_range_value_is_refused_on_its_field_and_nothing_is_saved()
    {
        var cut = Render<SettingsPage>();

        cut.WaitForElement("input[data-testid=setting-input-storeWideShare]").Change("1.5");
        cut.Find("input[data-testid=setting-input-offlineAfterSeconds]").Change("60");
        cut.Find("[data-testid=settings-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Must be between 0.01 and 1.", cut.Find("[data-testid=setting-storeWideShare]").TextContent));
        Assert.Equal((0.6, 180), (Fleet.Options.StoreWideShare, Fleet.Options.OfflineAfterSeconds));
        Assert.Empty(cut.FindAll("[data-testid=setting-overridden]"));
    }

    [Fact]
    public void The_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var cut = Render<SettingsPage>();

        cut.WaitForElement("input[data-testid=setting-input-unstablePowerLosses]").Change("0");
        cut.Find("[data-testid=settings-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("必须介于 1 与 1000 之间。", cut.Find("[data-testid=setting-unstablePowerLosses]").TextContent));
        Assert.Contains("门店整体断电", cut.Markup);
        Assert.Contains("判定不稳定的断电次数", cut.Markup);
        Assert.Contains("配置值：3", cut.Markup);
    }

    /// <summary>Heartbeats are kept 168 h by default: the power history of 7 windows covers a window of 24 h at most.</summary>
    [Theory]
    [InlineData("en", "At most 24 hours: heartbeats are kept for 168 hours")]
    [InlineData("zh-CN", "最多 24 小时：心跳只保留 168 小时")]
    public void A_window_longer_than_the_heartbeat_retention_covers_is_refused_in_the_readers_language(string language, string expected)
    {
        if (language != "en") UseLanguage(Languages.Chinese);
        var cut = Render<SettingsPage>();

        cut.WaitForElement("input[data-testid=setting-input-unstablePowerWindowHours]").Change("30");
        cut.Find("[data-testid=settings-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=setting-unstablePowerWindowHours]").TextContent));
        Assert.Equal(24, Fleet.Options.UnstablePowerWindowHours);
        Assert.Empty(cut.FindAll("[data-testid=setting-overridden]"));
    }
}
