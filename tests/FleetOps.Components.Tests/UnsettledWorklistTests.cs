using AngleSharp.Dom;
using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The unsettled-payments worklist itself: its rows, reasons, money at risk, scope, filters, sort and paging
/// (<see cref="WorklistComponentTest"/> feeds it; the sections below the list are <see cref="WorklistSectionsTests"/>).
/// </summary>
public sealed class UnsettledWorklistTests : WorklistComponentTest
{
    [Fact]
    public void A_sale_not_completed_in_time_appears_live_with_its_reason_and_facts()
    {
        var cut = Render<Worklist>();
        Assert.NotNull(cut.Find("[data-testid=unsettled-empty]"));
        Assert.NotNull(cut.Find("[data-testid=risk-none]"));

        Authorized("T-1", "000123-0042", TimeSpan.Zero);
        LetLiveRefreshFire();
        Assert.Null(Row(cut, "T-1", "000123-0042")); // still within the completion timeout

        Clock.Advance(CompletionTimeout + TimeSpan.FromSeconds(1));
        Book.Sweep();
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "T-1", "000123-0042")));
        var row = Row(cut, "T-1", "000123-0042")!;
        Assert.Equal("incomplete", row.GetAttribute("data-reason"));
        Assert.Contains("Incomplete", row.TextContent);
        Assert.Contains("CN¥128.00", row.TextContent);
        Assert.Contains("622848******1234", row.TextContent);
        Assert.Contains("RRN 123456789012", row.TextContent);
        Assert.Contains("authorised", row.TextContent);
        // Authorised at midnight UTC is 08:00 in the store's zone (Asia/Shanghai), in English's date pattern.
        Assert.Contains("25 Nov 2026 08:00:00", row.TextContent); // not "11/25/2026 8:00:00 AM", which a reader outside the US takes for the 11th
        Assert.Contains("+08:00 · 5 min ago", row.TextContent);
        var links = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("stores/S-1", links);
        Assert.Contains("terminals/T-1", links);
    }

    [Fact]
    public void Tapping_a_payments_row_opens_its_case()
    {
        Authorized("T-1", "000123-0042", TimeSpan.FromMinutes(10));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var cut = Render<Worklist>();

        Row(cut, "T-1", "000123-0042")!.Click(); // anywhere in the row: the intro says "open a row"

        Assert.EndsWith(CaseAddress.Of("T-1", "000123-0042"), navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payments_case_owner_is_named_by_name_with_the_email_on_hover()
    {
        Authorized("T-1", "000123-0042", TimeSpan.FromMinutes(10));
        var owner = CreateUser(FleetOps.Web.Security.Roles.StoreManager, stores: ["S-1"], email: "mei@fleetops.test", displayName: "Mei Lin");
        var cases = Services.GetRequiredService<FleetOps.Web.Cases.CaseService>();
        Wait(async () =>
        {
            var c = await cases.OpenAsync("T-1", "000123-0042", "S-1", owner.Email);
            await cases.AssignOwnerAsync(c.Id, owner.Email, owner.Email);
        });

        var cut = Render<Worklist>();

        cut.WaitForAssertion(() => Assert.Equal("Mei Lin", Row(cut, "T-1", "000123-0042")!.QuerySelector("[data-testid=case-owner]")!.TextContent));
        Assert.Equal("mei@fleetops.test", Row(cut, "T-1", "000123-0042")!.QuerySelector("[data-testid=case-owner]")!.GetAttribute("title"));
    }

    [Fact]
    public void Each_reason_has_its_own_chip()
    {
        Authorized("T-1", "incomplete", TimeSpan.FromMinutes(10));
        Interrupted("T-2", "interrupted", TimeSpan.FromMinutes(10));
        Completed("T-1", "not-settled", TimeSpan.FromHours(30));
        Authorized("T-3", "expiring", TimeSpan.FromDays(5));

        var cut = Render<Worklist>();

        Assert.Equal("incomplete", Row(cut, "T-1", "incomplete")!.GetAttribute("data-reason"));
        Assert.Contains("Incomplete", Row(cut, "T-1", "incomplete")!.QuerySelector(".mud-chip")!.TextContent);
        Assert.Equal("interrupted_by_power_loss", Row(cut, "T-2", "interrupted")!.GetAttribute("data-reason"));
        Assert.Contains("Interrupted by power loss", Row(cut, "T-2", "interrupted")!.QuerySelector(".mud-chip")!.TextContent);
        Assert.Equal("not_settled", Row(cut, "T-1", "not-settled")!.GetAttribute("data-reason"));
        Assert.Contains("Not settled", Row(cut, "T-1", "not-settled")!.QuerySelector(".mud-chip")!.TextContent);
        Assert.Equal("authorization_expiring", Row(cut, "T-3", "expiring")!.GetAttribute("data-reason"));
        Assert.Contains("Authorisation expiring", Row(cut, "T-3", "expiring")!.QuerySelector(".mud-chip")!.TextContent);
        Assert.Contains("Interrupted by power loss: 1", cut.Find("[data-testid=reason-count-interrupted_by_power_loss]").TextContent);
    }

    [Fact]
    public void Money_at_risk_is_summed_per_currency_and_broken_down_by_region_and_store()
    {
        Authorized("T-1", "a", TimeSpan.FromMinutes(10), amountMinor: 10000);
        Authorized("T-2", "b", TimeSpan.FromMinutes(10), amountMinor: 2800);
        Authorized("T-3", "c", TimeSpan.FromMinutes(10), amountMinor: 500, currency: "USD");

        var cut = Render<Worklist>();

        Assert.Equal("CN¥128.00", cut.Find("[data-testid=risk-CNY-amount]").TextContent.Trim());
        Assert.Equal("2 payments at risk", cut.Find("[data-testid=risk-CNY-count]").TextContent.Trim());
        Assert.Equal("$5.00", cut.Find("[data-testid=risk-USD-amount]").TextContent.Trim());
        Assert.Equal("1 payment at risk", cut.Find("[data-testid=risk-USD-count]").TextContent.Trim());
        Assert.Contains("CN¥128.00", cut.Find("[data-testid=risk-region-East]").TextContent);
        Assert.Contains("$5.00", cut.Find("[data-testid=risk-region-North]").TextContent);
        var stores = cut.FindAll("[data-testid=risk-by-store] tbody tr");
        Assert.Equal("risk-store-S-1", stores[0].GetAttribute("data-testid"));
        Assert.Contains("CN¥128.00", stores[0].TextContent);
    }

    [Fact]
    public void A_store_manager_never_sees_another_stores_payments()
    {
        Authorized("T-1", "mine", TimeSpan.FromMinutes(10), amountMinor: 1000);
        Authorized("T-3", "theirs", TimeSpan.FromMinutes(10), amountMinor: 99900);
        Completed("T-3", "theirs-late", TimeSpan.FromHours(30));
        Interrupted("T-3", "theirs-lost", TimeSpan.FromMinutes(10));
        Publish("T-3", Stage("theirs-lost", TransactionStage.Reversed, Now - TimeSpan.FromMinutes(9)));
        PublishBatch(("T-3", PendingReversalsHeartbeat(3)));
        SignInAsStoreManager("S-1");

        var cut = Render<Worklist>();

        Assert.Equal(["T-1-mine"], RowIds(cut));
        Assert.Equal("CN¥10.00", cut.Find("[data-testid=risk-CNY-amount]").TextContent.Trim());
        Assert.DoesNotContain("T-3", cut.Markup);
        Assert.DoesNotContain("S-2", cut.Markup);
        Assert.DoesNotContain("999.00", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid^=lost-T]"));
        Assert.Empty(cut.FindAll("[data-testid^=attention-T]"));
    }

    [Fact]
    public void A_store_in_the_link_that_is_out_of_scope_shows_nothing_of_it()
    {
        Authorized("T-1", "mine", TimeSpan.FromMinutes(10));
        Authorized("T-3", "theirs", TimeSpan.FromMinutes(10));
        SignInAsStoreManager("S-1");

        var cut = RenderAt<Worklist>("transactions/unsettled?store=S-2");

        Assert.DoesNotContain("T-3", cut.Markup);
        Assert.DoesNotContain("S-2", cut.Markup);
    }

    [Fact]
    public void A_change_in_another_managers_store_does_not_reach_the_page()
    {
        SignInAsStoreManager("S-1");
        var cut = Render<Worklist>();
        var renders = cut.RenderCount;

        Authorized("T-3", "theirs", CompletionTimeout + TimeSpan.FromMinutes(1));
        LetLiveRefreshFire();

        Assert.Equal(renders, cut.RenderCount);
        Assert.DoesNotContain("T-3", cut.Markup);
    }

    [Theory]
    [InlineData(TransactionStage.Settled)]
    [InlineData(TransactionStage.Reversed)]
    [InlineData(TransactionStage.Voided)]
    public void A_payment_leaves_the_list_by_itself_when_it_is_closed(TransactionStage closing)
    {
        Authorized("T-1", "000123-0042", TimeSpan.FromMinutes(10));
        Authorized("T-2", "000123-0043", TimeSpan.FromMinutes(10));
        var cut = Render<Worklist>();
        Assert.NotNull(Row(cut, "T-1", "000123-0042"));

        Publish("T-1", Stage("000123-0042", closing, Now));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Null(Row(cut, "T-1", "000123-0042")));
        Assert.NotNull(Row(cut, "T-2", "000123-0043"));
        Assert.Equal("1 payment at risk", cut.Find("[data-testid=risk-CNY-count]").TextContent.Trim());
    }

    [Fact]
    public void Filters_from_the_link_narrow_the_list_and_the_csv()
    {
        Completed("T-1", "late", TimeSpan.FromHours(30));
        Authorized("T-1", "incomplete", TimeSpan.FromMinutes(10));
        Completed("T-3", "late-elsewhere", TimeSpan.FromHours(30));

        var cut = RenderAt<Worklist>("transactions/unsettled?store=S-1&reason=not_settled");

        Assert.Equal(["T-1-late"], RowIds(cut));
        var csv = cut.Find("[data-testid=unsettled-csv]");
        Assert.Equal("api/v1/transactions/unsettled.csv?store=S-1&reason=not_settled&caseStatus=none,check_record,contact_acquirer", csv.GetAttribute("href"));
        Assert.True(csv.HasAttribute("download"));
        // The page is about that store: the money at risk above the list too.
        Assert.Equal("2 payments at risk", cut.Find("[data-testid=risk-CNY-count]").TextContent.Trim());
    }

    [Fact]
    public void Search_finds_a_payment_by_rrn()
    {
        Authorized("T-1", "a", TimeSpan.FromMinutes(10), rrn: "111111111111");
        Authorized("T-2", "b", TimeSpan.FromMinutes(10), rrn: "222222222222");
        var cut = Render<Worklist>();
        Assert.Equal(2, RowIds(cut).Count);

        cut.Find("input[data-testid=unsettled-search]").Input("2222");
        AdvanceUntil(cut, () => Assert.Equal(["T-2-b"], RowIds(cut)), TimeSpan.FromMilliseconds(400)); // the search box waits for typing to pause
    }

    [Fact]
    public void Oldest_first_by_default_and_the_sort_can_be_changed()
    {
        Authorized("T-1", "small-old", TimeSpan.FromHours(3), amountMinor: 100);
        Authorized("T-2", "big-new", TimeSpan.FromMinutes(10), amountMinor: 90000);
        Authorized("T-3", "middle", TimeSpan.FromHours(1), amountMinor: 5000);
        var cut = Render<Worklist>();
        Assert.Equal(["T-1-small-old", "T-3-middle", "T-2-big-new"], RowIds(cut));

        cut.Find("[data-testid=unsettled-sort]").Closest(".mud-select")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Highest amount")).Click();

        cut.WaitForAssertion(() => Assert.Equal(["T-2-big-new", "T-3-middle", "T-1-small-old"], RowIds(cut)));
    }

    [Fact]
    public void The_list_is_paged()
    {
        for (var i = 0; i < 30; i++) Authorized("T-1", $"tx-{i:00}", TimeSpan.FromMinutes(60 - i));

        var cut = Render<Worklist>();

        Assert.Equal(25, RowIds(cut).Count);
        Assert.Equal("1–25 of 30", cut.Find("[data-testid=unsettled-range]").TextContent.Trim());
        Assert.Equal("T-1-tx-00", RowIds(cut)[0]);
    }

    [Fact]
    public void A_sorted_paged_view_opens_from_its_link_and_changes_are_written_back()
    {
        for (var i = 0; i < 30; i++) Authorized("T-1", $"tx-{i:00}", TimeSpan.FromMinutes(60 - i), amountMinor: 100 + i);
        Authorized("T-3", "elsewhere", TimeSpan.FromMinutes(5), amountMinor: 99999);

        // Highest amount first, S-1 only, page 2 of 25: the five smallest of S-1's thirty.
        var cut = RenderAt<Worklist>("transactions/unsettled?store=S-1&sort=amount_highest&page=2");

        Assert.Equal(["T-1-tx-04", "T-1-tx-03", "T-1-tx-02", "T-1-tx-01", "T-1-tx-00"], RowIds(cut));
        Assert.Equal("26–30 of 30", cut.Find("[data-testid=unsettled-range]").TextContent.Trim());

        cut.Find("[data-testid=unsettled-sort]").Closest(".mud-select")!.MouseDown();
        Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Newest first")).Click();

        cut.WaitForAssertion(() => Assert.Equal("T-1-tx-29", RowIds(cut)[0]));
        Assert.Contains("sort=newest", Address);
        Assert.Contains("store=S-1", Address);
        Assert.DoesNotContain("page=", Address); // a new sort starts at the first page
    }

    [Fact]
    public void Following_a_link_to_another_reason_while_the_page_is_open_shows_that_reason()
    {
        Completed("T-1", "late", TimeSpan.FromHours(30));
        Authorized("T-1", "incomplete", TimeSpan.FromMinutes(10));
        var cut = RenderAt<Worklist>("transactions/unsettled?reason=not_settled");
        Assert.Equal(["T-1-late"], RowIds(cut));

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("transactions/unsettled?reason=incomplete");

        cut.WaitForAssertion(() => Assert.Equal(["T-1-incomplete"], RowIds(cut)));
    }
}
