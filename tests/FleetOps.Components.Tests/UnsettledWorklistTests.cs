using AngleSharp.Dom;
using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The unsettled-payments worklist, fed the way the app feeds it: transaction records published into the book (as the
/// event writer does after a commit), power events into the fleet, and time moved by hand so that deadlines pass.
/// S-1 (East): T-1, T-2. S-2 (North): T-3.
/// </summary>
public sealed class UnsettledWorklistTests : FleetComponentTest
{
    /// <summary>Where MudBlazor renders the open selects' items (MainLayout has it in the app).</summary>
    private readonly IRenderedComponent<MudBlazor.MudPopoverProvider> _popovers;

    public UnsettledWorklistTests()
    {
        _popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
    }

    private TimeSpan CompletionTimeout => TimeSpan.FromSeconds(Detection.CompletionTimeoutSeconds);

    private TransactionEvent Stage(string transactionId, TransactionStage stage, DateTimeOffset at, long amountMinor = 12800,
        string currency = "CNY", string rrn = "123456789012") =>
        new(NextId(), at, transactionId, stage, amountMinor, currency, "622848******1234", "A1B2C3", rrn, "000123");

    /// <summary>Merges events into the sale's record and publishes it, as the event writer does after the commit.</summary>
    private TransactionRecord Publish(string terminalId, params TransactionEvent[] events)
    {
        var record = Book.Get(terminalId, events[0].TransactionId)?.Record;
        foreach (var e in events) record = record?.With(e) ?? TransactionRecord.From(terminalId, e);
        PublishToBook(record!, Fleet.Get(terminalId)!.StoreCode);
        return record!;
    }

    /// <summary>A sale authorised <paramref name="ago"/> ago and not completed (incomplete once the timeout has passed).</summary>
    private void Authorized(string terminalId, string transactionId, TimeSpan ago, long amountMinor = 12800, string currency = "CNY",
        string rrn = "123456789012") =>
        Publish(terminalId, Stage(transactionId, TransactionStage.Authorized, Now - ago, amountMinor, currency, rrn));

    /// <summary>A sale authorised and completed <paramref name="ago"/> ago and never settled.</summary>
    private void Completed(string terminalId, string transactionId, TimeSpan ago, long amountMinor = 12800) =>
        Publish(terminalId, Stage(transactionId, TransactionStage.Authorized, Now - ago, amountMinor),
            Stage(transactionId, TransactionStage.Completed, Now - ago + TimeSpan.FromSeconds(30), amountMinor));

    /// <summary>Authorised, then the terminal lost power and rebooted, and the sale never completed.</summary>
    private void Interrupted(string terminalId, string transactionId, TimeSpan ago, long amountMinor = 12800)
    {
        PowerLoss(terminalId, ago - TimeSpan.FromSeconds(20));
        Authorized(terminalId, transactionId, ago, amountMinor);
    }

    private static IElement? Row(IRenderedComponent<Worklist> cut, string terminalId, string transactionId) =>
        cut.FindAll($"[data-testid='unsettled-{terminalId}-{transactionId}']").SingleOrDefault();

    private static IReadOnlyList<string> RowIds(IRenderedComponent<Worklist> cut) =>
        cut.FindAll("[data-testid=unsettled-table] tbody tr").Select(r => r.GetAttribute("data-testid")!["unsettled-".Length..]).ToList();

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
        Assert.Contains("authorized", row.TextContent);
        // Authorised at midnight UTC is 08:00 in the store's zone (Asia/Shanghai), in English's date pattern.
        Assert.Contains(new DateTime(2026, 11, 25, 8, 0, 0).ToString("G", Languages.English), row.TextContent); // "11/25/2026 8:00:00 AM" by ICU
        Assert.Contains("+08:00 · 5 min ago", row.TextContent);
        var links = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("stores/S-1", links);
        Assert.Contains("terminals/T-1", links);
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
    public void A_sale_reversed_after_a_power_loss_moves_to_the_lost_sales()
    {
        Interrupted("T-1", "000123-0042", TimeSpan.FromMinutes(10), amountMinor: 4500);
        var cut = Render<Worklist>();
        Assert.Equal("interrupted_by_power_loss", Row(cut, "T-1", "000123-0042")!.GetAttribute("data-reason"));
        Assert.Contains("Sales lost — run them again (0)", cut.Find("[data-testid=lost-sales]").TextContent);

        // The terminal sends its automatic reversal when it boots again.
        Publish("T-1", Stage("000123-0042", TransactionStage.Reversed, Now, 4500));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Null(Row(cut, "T-1", "000123-0042")));
        var lost = cut.Find("[data-testid=lost-sales]");
        Assert.Contains("Sales lost — run them again (1)", lost.TextContent);
        Assert.Contains("the customer got the money back", lost.TextContent);
        var row = cut.Find("[data-testid=lost-T-1-000123-0042]");
        Assert.Contains("CN¥45.00", row.TextContent);
        Assert.Contains("A1B2C3", row.TextContent);
    }

    [Fact]
    public void A_reversal_without_a_power_loss_is_not_a_lost_sale()
    {
        Authorized("T-1", "000123-0042", TimeSpan.FromMinutes(10));
        Publish("T-1", Stage("000123-0042", TransactionStage.Reversed, Now));

        var cut = Render<Worklist>();

        Assert.Empty(cut.FindAll("[data-testid^=lost-T]"));
        Assert.Null(Row(cut, "T-1", "000123-0042"));
    }

    private HeartbeatEvent PendingReversalsHeartbeat(int pending) =>
        new(NextId(), Now, "boot-1", 3600, "3.2.1", "1.8.0", PowerSource.Mains, 90, PendingReversals: pending,
            OpenBatchCount: 3, OpenBatchAmountMinor: 45600, Currency: "CNY");

    [Fact]
    public void Terminals_with_pending_reversals_or_an_unsettled_batch_need_attention()
    {
        Completed("T-2", "late", TimeSpan.FromHours(30));
        Authorized("T-3", "fine", TimeSpan.FromMinutes(10));
        var cut = Render<Worklist>();
        Assert.Equal("1", cut.Find("[data-testid=attention-T-2]").GetAttribute("data-overdue"));
        Assert.Empty(cut.FindAll("[data-testid=attention-T-1]"));
        Assert.Empty(cut.FindAll("[data-testid=attention-T-3]")); // incomplete only: not a batch problem

        // A heartbeat reporting reversals the terminal could not send yet arrives while the page is open.
        PublishBatch(("T-1", PendingReversalsHeartbeat(2)));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=attention-T-1]").GetAttribute("data-pending-reversals")));
        var row = cut.Find("[data-testid=attention-T-1]");
        Assert.Contains("2 pending reversals", row.TextContent);
        Assert.Contains("3 payments · CN¥456.00", row.TextContent);
        Assert.Contains("terminals/T-1", row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        // Once the reversals went out, the terminal is fine again.
        PublishBatch(("T-1", PendingReversalsHeartbeat(0)));
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=attention-T-1]")));
    }

    [Fact]
    public void The_overdue_chip_of_a_terminal_narrows_the_worklist_to_that_terminal()
    {
        Completed("T-2", "late", TimeSpan.FromHours(30));
        Authorized("T-1", "other", TimeSpan.FromMinutes(10));
        var cut = Render<Worklist>();
        Assert.NotNull(Row(cut, "T-1", "other"));

        cut.Find("[data-testid=attention-T-2] .mud-chip").Click();

        cut.WaitForAssertion(() => Assert.Contains("search=T-2", Address));
        cut.WaitForAssertion(() => Assert.Null(Row(cut, "T-1", "other")));
        Assert.NotNull(Row(cut, "T-2", "late"));
    }

    [Fact]
    public void Operator_caused_failures_are_counted_per_store_and_local_day_most_first()
    {
        // Now is 2026-11-25 08:00 in Asia/Shanghai: ten minutes ago is today there, ten hours ago yesterday evening.
        Authorized("T-1", "today-1", TimeSpan.FromMinutes(10));
        Authorized("T-1", "today-2", TimeSpan.FromMinutes(20)); // (on T-2 the power loss below would explain it)
        Authorized("T-1", "yesterday", TimeSpan.FromHours(10));
        Interrupted("T-2", "power", TimeSpan.FromMinutes(10)); // a power loss is not the operator's fault
        Completed("T-1", "late", TimeSpan.FromHours(30)); // neither is an unsettled batch
        Authorized("T-3", "other", TimeSpan.FromMinutes(10));

        var cut = Render<Worklist>();

        var table = cut.Find("[data-testid=operator-failures]");
        var headings = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Store", "Thu 19 Nov", "Fri 20 Nov", "Sat 21 Nov", "Sun 22 Nov", "Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov", "Total, 7 days"], headings);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(["operator-S-1", "operator-S-2"], rows.Select(r => r.GetAttribute("data-testid")!));
        Assert.Equal("3", rows[0].GetAttribute("data-total"));
        Assert.Equal(["0", "0", "0", "0", "0", "1", "2", "3"], rows[0].QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Equal("1", rows[1].GetAttribute("data-total"));
    }

    [Fact]
    public void Operator_caused_failures_still_count_after_the_sale_is_voided()
    {
        var record = Publish("T-1", Stage("voided-later", TransactionStage.Authorized, Now - TimeSpan.FromMinutes(30)));
        Publish("T-1", Stage("voided-later", TransactionStage.Voided, Now - TimeSpan.FromMinutes(5)));
        Publish("T-2", Stage("voided-at-once", TransactionStage.Authorized, Now - TimeSpan.FromMinutes(30)),
            Stage("voided-at-once", TransactionStage.Voided, Now - TimeSpan.FromMinutes(29)));

        var cut = Render<Worklist>();

        Assert.Null(Book.Get("T-1", record.TransactionId)); // closed: off the book and the list
        var row = cut.Find("[data-testid=operator-S-1]");
        Assert.Equal("1", row.GetAttribute("data-total"));
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
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Highest amount")).Click();

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

    private string Address => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;

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
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Newest first")).Click();

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
