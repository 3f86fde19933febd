using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using FleetOps.Web.Components.Pages;

namespace FleetOps.Components.Tests;

/// <summary>
/// The power page: a failing device in S-1 (three losses: unstable, the device to blame), a weak battery in S-1, and a
/// store-wide outage in S-2 (three of three tills died together and none is back yet).
/// </summary>
public sealed class PowerPageTests : FleetComponentTest
{
    public PowerPageTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-FAIL", "T-BATT", "T-OK", "T-OK2");
        Register("S-2", "T-A", "T-B", "T-C");
        foreach (var id in new[] { "T-FAIL", "T-BATT", "T-OK", "T-OK2", "T-A", "T-B", "T-C" }) Heartbeat(id, TimeSpan.FromHours(5));
        PowerLoss("T-FAIL", TimeSpan.FromHours(4));
        PowerLoss("T-FAIL", TimeSpan.FromHours(3), PowerState.Brownout);
        PowerLoss("T-FAIL", TimeSpan.FromHours(2));
        PowerLoss("T-BATT", TimeSpan.FromMinutes(40), PowerState.OnBattery);
        PowerLoss("T-BATT", TimeSpan.FromMinutes(34), PowerState.LowBattery);
        foreach (var id in new[] { "T-A", "T-B", "T-C" }) PowerLoss(id, TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void It_lists_the_unstable_device_the_open_store_outage_and_the_weak_battery()
    {
        var cut = Render<Power>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=unstable-T-FAIL]")));
        var unstable = cut.Find("[data-testid=unstable-T-FAIL]").TextContent;
        Assert.Contains("this device", unstable);
        Assert.Contains("3", unstable);
        Assert.Contains("2 h ago", unstable);
        var outage = cut.Find("[data-testid=power-incidents] tbody tr");
        Assert.Equal("true", outage.GetAttribute("data-open"));
        Assert.Contains("S-2", outage.TextContent);
        Assert.Contains("ongoing", outage.TextContent);
        Assert.Contains("3 of 3", outage.TextContent);
        Assert.Contains("6 min", cut.Find("[data-testid=weak-T-BATT]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=power-kpi-outages] .kpi-value").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=power-per-day] svg"));
        Assert.NotNull(cut.Find("[data-testid=power-top-stores] svg"));
    }

    [Fact]
    public void An_outages_interrupted_sales_open_from_its_row_into_the_address_and_follow_their_case_live()
    {
        var sale = TransactionRecord.From("T-A", new TransactionEvent(NextId(), Now - TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(15),
            "000900-0001", TransactionStage.Authorized, 4550, "CNY", "622848******1234", "A1B2C3", "123456789012", "000900"));
        PublishToBook(sale, "S-2");
        var cut = Render<Power>();
        cut.WaitForAssertion(() => Assert.Contains("1 payment", cut.Find("[data-testid^=incident-payments-]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=interrupted-payments]"));

        cut.Find("[data-testid^=incident-payments-]").Click();

        var row = cut.WaitForElement("[data-testid=interrupted-T-A-000900-0001]");
        Assert.Contains("45.50", row.TextContent);
        Assert.Equal("none", cut.Find("[data-testid=interrupted-payments] [data-testid=case-status]").GetAttribute("data-status"));
        Assert.EndsWith("transactions/T-A/000900-0001", row.GetAttribute("href"));
        var incidentId = cut.Find("[data-testid^=incident-detail-]").GetAttribute("data-testid")!["incident-detail-".Length..];
        Assert.Contains($"incident={incidentId}", Services.GetRequiredService<NavigationManager>().Uri);

        Wait(() => Services.GetRequiredService<CaseService>().OpenAsync("T-A", "000900-0001", "S-2", "tester"));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.NotEqual("none",
            cut.Find("[data-testid=interrupted-payments] [data-testid=case-status]").GetAttribute("data-status")));
    }

    [Fact]
    public void An_outage_ends_on_the_page_when_a_till_reports_again_without_a_reload()
    {
        var cut = Render<Power>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=power-incidents] tbody tr").GetAttribute("data-open")));

        Heartbeat("T-B", bootId: "boot-2");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=power-incidents] tbody tr").GetAttribute("data-open")));
        Assert.Equal("0", cut.Find("[data-testid=power-kpi-outages] .kpi-value").TextContent.Trim());
    }

    [Fact]
    public void A_new_unstable_terminal_appears_without_a_reload()
    {
        var cut = Render<Power>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=unstable-T-FAIL]")));

        for (var i = 3; i > 0; i--) PowerLoss("T-OK", TimeSpan.FromMinutes(i * 10), PowerState.Brownout);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=unstable-T-OK]")));
    }

    [Fact]
    public void A_store_manager_sees_only_their_stores_power()
    {
        SignInAsStoreManager("S-1");

        var cut = Render<Power>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=unstable-T-FAIL]")));
        Assert.NotNull(cut.Find("[data-testid=power-no-incidents]"));
        Assert.DoesNotContain("S-2", TextOf(cut));
    }

    [Theory]
    [InlineData("S-1", "power", false, "1")] // one store: the page already shows it, there is nothing to choose
    [InlineData("S-1", "power?store=S-1", false, "1")] // an address naming it still opens the page on it
    [InlineData("S-1", "power?store=S-2", true, "0")] // a link to a store not theirs shows nothing: the filter is there to clear it
    [InlineData("S-1,S-2", "power", true, "1")]
    public void The_store_filter_is_offered_only_to_someone_with_a_store_to_choose(string stores, string address, bool offered, string unstable)
    {
        SignInAsStoreManager(stores.Split(','));

        var cut = RenderAt<Power>(address);

        cut.WaitForAssertion(() => Assert.Equal(unstable, cut.Find("[data-testid=power-kpi-unstable] .kpi-value").TextContent.Trim()));
        Assert.Equal(offered, cut.FindAll("[data-testid=power-store]").Count == 1);
    }

    [Fact]
    public void The_store_in_the_address_narrows_the_page_to_that_store()
    {
        var cut = RenderAt<Power>("power?store=S-2");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=power-incidents]")));
        Assert.NotNull(cut.Find("[data-testid=power-no-unstable]"));
        Assert.NotNull(cut.Find("[data-testid=power-no-weak]"));
    }

    [Fact]
    public void The_power_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<Power>();

        cut.WaitForAssertion(() => Assert.Equal("供电：掉电、停电与电池", cut.Find("h4").TextContent.Trim()));
        var text = TextOf(cut);
        Assert.Contains("进行中", text);
        Assert.Contains("3 / 3 台", text);
        Assert.Contains("电池衰弱", text);
        Assert.DoesNotContain("⟦", text);
    }
}
