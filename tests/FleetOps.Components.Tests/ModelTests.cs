using FleetOps.Web.Localization;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Live;

namespace FleetOps.Components.Tests;

public sealed class OverviewModelTests : FleetComponentTest
{
    [Fact]
    public void Build_counts_connectivity_power_and_software_and_skips_decommissioned_terminals()
    {
        AddStore("S-1");
        AddStore("S-2");
        AddStore("S-3");
        Register("S-1", "T-1", "T-2", "T-3");
        Register("S-2", "T-4", "T-5");
        Register("S-3", "T-6");
        Heartbeat("T-1");
        HeardLongAgo("T-2");
        Heartbeat("T-4", appVersion: "3.0.0");
        Heartbeat("T-5", appVersion: "1.0.0");
        PowerLoss("T-4", TimeSpan.FromHours(3));
        PowerLoss("T-4", TimeSpan.FromHours(2));
        PowerLoss("T-4", TimeSpan.FromHours(1));
        Heartbeat("T-6");
        Fleet.Register(new TerminalRegistration("T-6", "S-3", "A920", null, Decommissioned: true));
        Fleet.SetTarget(new SoftwareTarget("A920", "3.2.1", "1.8.0", "2.0.0"));

        var model = OverviewModel.Build(Fleet, Stores, Statistics, Now);

        Assert.Equal(5, model.Terminals);
        Assert.Equal(3, model.Online);
        Assert.Equal(1, model.Offline);
        Assert.Equal(1, model.Unknown);
        Assert.Equal(1, model.UnstablePower);
        Assert.Equal(2, model.OutdatedSoftware); // T-4 outdated, T-5 unsupported
        Assert.Equal(["S-1", "S-2", "S-3"], model.Stores.Select(s => s.Store.Code));
        Assert.Equal(["S-1", "S-2"], model.StoresWithProblems.Select(s => s.Store.Code));
        Assert.Equal(30, model.EventsPerMinute.Count);
    }

    [Fact]
    public void Build_orders_problem_stores_by_offline_terminals_then_problems()
    {
        AddStore("A-1");
        AddStore("B-1");
        AddStore("C-1");
        Register("A-1", "T-A1", "T-A2");
        Register("B-1", "T-B1", "T-B2");
        Register("C-1", "T-C1");
        HeardLongAgo("T-A1");
        HeardLongAgo("T-B1");
        HeardLongAgo("T-B2");
        Heartbeat("T-C1");

        var model = OverviewModel.Build(Fleet, Stores, Statistics, Now);

        Assert.Equal(["B-1", "A-1"], model.StoresWithProblems.Select(s => s.Store.Code));
    }

    [Fact]
    public void Build_reports_committed_events_per_minute_oldest_first()
    {
        Statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 7 }, Now - TimeSpan.FromMinutes(2));
        Statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 5 }, Now);
        Statistics.RecordCommitted(new Dictionary<string, int> { ["S-2"] = 1 }, Now);

        var model = OverviewModel.Build(Fleet, Stores, Statistics, Now);

        Assert.Equal(6, model.EventsPerMinute[^1].Events);
        Assert.Equal(0, model.EventsPerMinute[^2].Events);
        Assert.Equal(7, model.EventsPerMinute[^3].Events);
        Assert.True(model.EventsPerMinute[0].Minute < model.EventsPerMinute[^1].Minute);
    }

    [Fact]
    public void Build_with_a_scope_counts_only_the_terminals_stores_and_events_of_that_scope()
    {
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
        Heartbeat("T-1");
        HeardLongAgo("T-2");
        HeardLongAgo("T-3");
        Statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 2, ["S-2"] = 40 }, Now);

        var model = OverviewModel.Build(Fleet, Stores, Statistics, Now, AccessScope.Of([], ["S-1"]));

        Assert.Equal(2, model.Terminals);
        Assert.Equal(1, model.Offline);
        Assert.Equal(["S-1"], model.Stores.Select(s => s.Store.Code));
        Assert.Equal(2, model.EventsPerMinute[^1].Events);
        Assert.Equal(42, OverviewModel.Build(Fleet, Stores, Statistics, Now, AccessScope.All).EventsPerMinute[^1].Events);
        Assert.Equal(0, OverviewModel.Build(Fleet, Stores, Statistics, Now, AccessScope.Nothing).Terminals);
    }
}

public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly UiFormat English = Languages.Format(Languages.English);

    [Fact]
    public void Ago_says_never_for_a_terminal_never_heard_from()
    {
        Assert.Equal("never", English.Ago(null, Now));
        Assert.Equal("从未", Languages.Format(Languages.Chinese).Ago(null, Now));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(9, "just now")]
    [InlineData(10, "10 s ago")]
    [InlineData(59, "59 s ago")]
    [InlineData(120, "2 min ago")]
    [InlineData(179, "2 min ago")]
    [InlineData(3 * 3600, "3 h ago")]
    [InlineData(4 * 86400, "4 d ago")]
    public void Ago_reads_like_a_manager_would_say_it(int secondsAgo, string expected) =>
        Assert.Equal(expected, English.Ago(Now - TimeSpan.FromSeconds(secondsAgo), Now));

    [Theory]
    [InlineData(5, "刚刚")]
    [InlineData(180, "3 分钟前")]
    [InlineData(3 * 3600, "3 小时前")]
    [InlineData(2 * 86400, "2 天前")]
    public void Ago_reads_like_a_Chinese_store_manager_would_say_it(int secondsAgo, string expected) =>
        Assert.Equal(expected, Languages.Format(Languages.Chinese).Ago(Now - TimeSpan.FromSeconds(secondsAgo), Now));

    [Fact]
    public void Ago_treats_a_clock_slightly_ahead_as_just_now() =>
        Assert.Equal("just now", English.Ago(Now + TimeSpan.FromSeconds(3), Now));
}

/// <summary>Times people plan by (work due, a booked visit): to the minute, a slot's date said once, on the store's clock.</summary>
public sealed class PlannedTimeTests
{
    // 16:00 in Shanghai, with seconds a due time computed from an alert carries.
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 41, TimeSpan.Zero);
    private const string Shanghai = "Asia/Shanghai";

    [Fact]
    public void A_due_time_reads_to_the_minute_with_the_stores_offset()
    {
        Assert.Equal("7 Dec 2026 16:00 +08:00", Languages.Format(Languages.English).Minute(Start, Shanghai));
        Assert.Equal("2026/12/7 16:00 +08:00", Languages.Format(Languages.Chinese).Minute(Start, Shanghai));
    }

    [Fact]
    public void A_slot_within_a_day_names_its_date_once()
    {
        Assert.Equal("7 Dec 2026 16:00–17:30 +08:00", Languages.Format(Languages.English).Slot(Start, Start.AddMinutes(90), Shanghai));
        Assert.Equal("2026/12/7 16:00–17:30 +08:00", Languages.Format(Languages.Chinese).Slot(Start, Start.AddMinutes(90), Shanghai));
    }

    [Fact]
    public void A_slot_past_the_stores_midnight_names_both_ends_in_full() =>
        Assert.Equal("7 Dec 2026 22:00 +08:00 – 8 Dec 2026 01:00 +08:00",
            Languages.Format(Languages.English).Slot(Start.AddHours(6), Start.AddHours(9), Shanghai));
}
