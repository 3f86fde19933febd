using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Layout;
using FleetOps.Web.Components.Pages;

namespace FleetOps.Components.Tests;

/// <summary>Money at risk outside the worklist: the overview's KPI, the store page, and the way there from the menu.</summary>
public sealed class UnsettledKpiTests : FleetComponentTest
{
    public UnsettledKpiTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
    }

    /// <summary>A sale authorised <paramref name="ago"/> ago and never completed, published into the book.</summary>
    private void Authorized(string terminalId, string transactionId, TimeSpan ago, long amountMinor, string currency = "CNY")
    {
        var e = new TransactionEvent(NextId(), Now - ago, transactionId, TransactionStage.Authorized, amountMinor, currency, "622848******1234");
        PublishToBook(TransactionRecord.From(terminalId, e), Fleet.Get(terminalId)!.StoreCode);
    }

    private static string Text(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string selector) =>
        cut.Find(selector).TextContent.Trim();

    [Fact]
    public void The_overview_shows_money_at_risk_per_currency_and_links_to_the_worklist()
    {
        Authorized("T-1", "a", TimeSpan.FromMinutes(10), 100000);
        Authorized("T-2", "b", TimeSpan.FromMinutes(10), 23400);
        Authorized("T-3", "c", TimeSpan.FromMinutes(10), 999, "USD");

        var cut = Render<Overview>();

        var kpi = cut.Find("[data-testid=kpi-money-at-risk]");
        Assert.Equal("transactions/unsettled", kpi.GetAttribute("href"));
        Assert.Equal("3", kpi.GetAttribute("data-count"));
        var cny = cut.Find("[data-testid=kpi-money-at-risk-CNY]").TextContent;
        Assert.Contains("CN¥1,234.00", cny);
        Assert.Contains("2 payments", cny);
        var usd = cut.Find("[data-testid=kpi-money-at-risk-USD]").TextContent;
        Assert.Contains("$9.99", usd);
        Assert.Contains("1 payment", usd);
    }

    [Fact]
    public void A_case_resolved_by_hand_takes_its_money_off_the_overview_live()
    {
        Authorized("T-1", "a", TimeSpan.FromMinutes(10), 100000);
        Authorized("T-2", "b", TimeSpan.FromMinutes(10), 23400);
        var cut = Render<Overview>();
        Assert.Contains("CN¥1,234.00", cut.Find("[data-testid=kpi-money-at-risk-CNY]").TextContent);

        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FleetOps.Web.Cases.CaseService>(Services);
        Wait(async () =>
        {
            var c = await service.OpenAsync("T-1", "a", "S-1", "ann@example.test");
            await service.ResolveAsync(c.Id, FleetOps.Core.Cases.CaseOutcome.ReCredited, "ann@example.test");
        });
        LetLiveRefreshFire();

        // "CN¥1,234.00" contains "234.00": wait for the whole new figure, not for a substring the old one has too.
        cut.WaitForAssertion(() =>
        {
            var kpi = cut.Find("[data-testid=kpi-money-at-risk-CNY]").TextContent;
            Assert.Contains("CN¥234.00", kpi);
            Assert.Contains("1 payment", kpi);
            Assert.DoesNotContain("1,234.00", kpi);
        });
    }

    [Fact]
    public void The_overview_kpi_counts_only_the_managers_stores()
    {
        Authorized("T-1", "a", TimeSpan.FromMinutes(10), 1000);
        Authorized("T-3", "c", TimeSpan.FromMinutes(10), 50000);
        SignInAsStoreManager("S-1");

        var cut = Render<Overview>();

        Assert.Contains("CN¥10.00", cut.Find("[data-testid=kpi-money-at-risk-CNY]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=kpi-money-at-risk]").GetAttribute("data-count"));
        Assert.DoesNotContain("510.00", cut.Markup);
        Assert.DoesNotContain("500.00", cut.Markup);
    }

    [Fact]
    public void The_overview_kpi_follows_the_book_without_a_reload()
    {
        var cut = Render<Overview>();
        Assert.NotNull(cut.Find("[data-testid=kpi-money-at-risk-none]"));

        Authorized("T-1", "a", TimeSpan.Zero, 4200);
        Clock.Advance(TimeSpan.FromSeconds(Detection.CompletionTimeoutSeconds + 1));
        Book.Sweep();
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Contains("CN¥42.00", cut.Find("[data-testid=kpi-money-at-risk-CNY]").TextContent));
    }

    [Fact]
    public void The_store_page_shows_its_money_at_risk_and_links_to_its_worklist()
    {
        Authorized("T-1", "a", TimeSpan.FromMinutes(10), 1500);
        Authorized("T-3", "c", TimeSpan.FromMinutes(10), 70000);

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        var kpi = cut.Find("[data-testid=store-money-at-risk]");
        Assert.Equal("transactions/unsettled?store=S-1", kpi.GetAttribute("href"));
        Assert.Contains("CN¥15.00", Text(cut, "[data-testid=store-money-at-risk-CNY]"));
        Assert.Contains("1 payment", Text(cut, "[data-testid=store-money-at-risk-CNY]"));
        Assert.DoesNotContain("700.00", cut.Markup);
    }

    [Fact]
    public void A_store_without_unsettled_payments_has_nothing_at_risk()
    {
        Authorized("T-3", "c", TimeSpan.FromMinutes(10), 70000);

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        Assert.Equal("Nothing at risk", Text(cut, "[data-testid=store-money-at-risk-none]"));
    }

    [Fact]
    public void The_menu_links_to_the_worklist()
    {
        var cut = Render<NavMenu>();

        Assert.Equal("transactions/unsettled", cut.Find("[data-testid=nav-unsettled]").GetAttribute("href"));
        Assert.Contains("Unsettled payments", cut.Find("[data-testid=nav-unsettled]").TextContent);
    }
}
