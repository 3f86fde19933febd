using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.RoleHomes;

namespace FleetOps.Components.Tests;

/// <summary>Issue 11: each role lands on its own home, with what needs doing first.</summary>
public sealed class RoleHomeTests : FleetComponentTest
{
    public RoleHomeTests()
    {
        AddStore("S-1", region: "East");
        AddStore("S-2", region: "East");
        AddStore("W-1", region: "West");
        Register("S-1", "T-OK", "T-OFF", "T-FLAKY");
        Register("S-2", "T-S2");
        Register("W-1", "T-W1");
        foreach (var t in new[] { "T-OK", "T-FLAKY", "T-S2", "T-W1" }) Heartbeat(t, TimeSpan.FromMinutes(1));
        HeardLongAgo("T-OFF");
        // Three losses in the window: unstable, the store's other terminals stayed up, so the device is to blame.
        for (var i = 3; i >= 1; i--) PowerLoss("T-FLAKY", TimeSpan.FromHours(i));
        Heartbeat("T-FLAKY", TimeSpan.FromSeconds(30));
    }

    private void InterruptedSaleIn(string terminalId)
    {
        var record = TransactionRecord.From(terminalId, new TransactionEvent(NextId(), Now - TimeSpan.FromHours(2), $"tx-{terminalId}",
            TransactionStage.Authorized, 12800, "CNY", "622848******1234", "A1B2C3", "123456789012", "000123"));
        PublishToBook(record, Fleet.Get(terminalId)!.StoreCode);
    }

    [Fact]
    public void A_store_manager_gets_my_store_today_with_money_at_risk_and_the_terminals_by_urgency()
    {
        InterruptedSaleIn("T-OK");
        SignInAsStoreManager("S-1");

        var cut = Render<Home>();

        Assert.Contains("today", cut.Find("[data-testid=home-title]").TextContent);
        Assert.Equal("2 of 3 terminals online", cut.Find("[data-testid=home-online]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid=home-money-at-risk]").GetAttribute("data-count"));
        var lines = cut.FindAll("[data-testid=home-attention] [data-testid^=attention-]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["attention-T-OFF-offline", "attention-T-FLAKY-unstable_power_device"], lines);
        Assert.DoesNotContain("T-S2", cut.Markup); // another store
        Assert.Empty(cut.FindAll("[data-testid=kpi-terminals]")); // not the fleet overview
    }

    [Fact]
    public void A_store_manager_whose_terminals_are_fine_reads_that_nothing_needs_doing_and_it_updates_live()
    {
        SignInAsStoreManager("S-2");
        var cut = Render<Home>();
        Assert.NotNull(cut.Find("[data-testid=home-attention-empty]"));

        // Nobody heard from S-2's terminal for the offline limit (the fleet clock's sweep notices).
        Clock.Advance(Detection.OfflineAfter);
        Fleet.Sweep(includePower: false);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=attention-T-S2-offline]")));
    }

    [Theory]
    [InlineData("en", "Nothing needs attention among the terminals that report; 1 terminal has never been heard from.")]
    [InlineData("zh-CN", "已上线的终端均无待处理事项；另有 1 台终端从未上线。")]
    public void A_terminal_never_heard_from_is_not_called_working_and_once_it_reports_all_is_well(string language, string said)
    {
        Register("S-2", "T-NEW"); // registered, not yet installed
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(language));
        SignInAsStoreManager("S-2");

        var cut = Render<Home>();

        // It said "every terminal is working" of a terminal that had never said a word.
        Assert.Equal(said, cut.Find("[data-testid=home-attention-empty-text]").TextContent.Trim());
        Assert.Equal("terminals?connectivity=unknown", cut.Find("[data-testid=home-attention-never-heard]").GetAttribute("href"));

        Heartbeat("T-NEW");
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Equal(language == "en" ? "Nothing needs attention: every terminal is working." : "暂无待处理事项，所有终端运行正常。",
            cut.Find("[data-testid=home-attention-empty-text]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=home-attention-never-heard]"));
    }

    [Fact]
    public void A_technicians_home_counts_a_terminal_never_heard_from_apart_too()
    {
        Register("S-2", "T-NEW");
        SignInAsTechnician("S-2");

        var cut = Render<Home>();

        Assert.Contains("1 terminal has never been heard from", cut.Find("[data-testid=home-attention-empty]").TextContent);
    }

    /// <summary>
    /// With work in the list the never heard from went unmentioned, and "1 terminal has never been heard from" was no link:
    /// a technician could not see which terminal still waits to be installed. It follows the list and opens those terminals —
    /// the same one, not a decommissioned one that never reported either.
    /// </summary>
    [Fact]
    public void The_terminals_never_heard_from_are_named_after_the_work_and_open_as_a_list()
    {
        Register("S-2", "T-NEW");
        Fleet.Register(new TerminalRegistration("T-OLD", "S-2", "A920", "SN-T-OLD", Decommissioned: true)); // never reported either
        SignInAsTechnician("S-1", "S-2");

        var cut = Render<Home>();

        Assert.NotEmpty(cut.FindAll("[data-testid=home-attention] [data-testid^=attention-]"));
        var link = cut.Find("[data-testid=home-attention-never-heard]");
        Assert.Equal("1 terminal has never been heard from", link.TextContent.Trim());
        var list = RenderAt<FleetOps.Web.Components.Pages.Terminals>(link.GetAttribute("href")!);
        list.WaitForAssertion(() => Assert.Equal(["T-NEW"], list.FindAll("[data-testid=terminal-grid] tbody tr a.fo-id").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public void A_region_manager_gets_the_stores_of_the_region_worst_first()
    {
        InterruptedSaleIn("T-S2");
        SignInAsRegionalManager("East");

        var cut = Render<Home>();

        Assert.Equal("Stores by trouble", cut.Find("[data-testid=home-title]").TextContent.Trim());
        var stores = cut.FindAll("[data-testid^=home-store-]").Select(e => e.GetAttribute("data-testid")).ToList();
        // S-2 has a payment at risk, which outranks S-1's offline and unstable terminals; West is not in the scope.
        Assert.Equal(["home-store-S-2", "home-store-S-1"], stores);
        Assert.Contains("1 offline", cut.Find("[data-testid=home-store-S-1]").TextContent);
        Assert.Contains("1 unstable power", cut.Find("[data-testid=home-store-S-1]").TextContent);
    }

    [Fact]
    public void A_technician_gets_the_terminals_that_need_someone_on_site()
    {
        SignInAsTechnician("S-1", "S-2");

        var cut = Render<Home>();

        Assert.Equal("My work", cut.Find("[data-testid=home-title]").TextContent.Trim());
        var lines = cut.FindAll("[data-testid=home-attention] [data-testid^=attention-]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["attention-T-OFF-offline", "attention-T-FLAKY-unstable_power_device"], lines);
        Assert.Contains(Stores.Get("S-1")!.Name, cut.Find("[data-testid=attention-T-OFF-offline]").TextContent);
    }

    [Fact]
    public void An_administrator_keeps_the_fleet_overview()
    {
        SignInAsAdministrator();

        var cut = Render<Home>();

        Assert.NotNull(cut.Find("[data-testid=kpi-terminals]"));
    }

    [Fact]
    public void In_Chinese_the_technicians_list_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        SignInAsTechnician("S-1");

        var cut = Render<Home>();

        Assert.Equal("我的工作", cut.Find("[data-testid=home-title]").TextContent.Trim());
        Assert.Contains("离线", cut.Find("[data-testid=attention-T-OFF-offline]").TextContent);
        Assert.Contains("电源不稳（设备）", cut.Find("[data-testid=attention-T-FLAKY-unstable_power_device]").TextContent);
    }
}
