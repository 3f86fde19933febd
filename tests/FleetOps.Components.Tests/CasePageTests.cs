using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Cases;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Components.Transactions;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The recovery case page: the record checked against the terminal's timeline, the acquirer's facts, the steps worked
/// through to "resolved", the trail — and the worklist's open list losing the row. S-1 (East): T-1. S-2 (North): T-3.
/// </summary>
public sealed class CasePageTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudBlazor.MudPopoverProvider> _popovers;

    public CasePageTests()
    {
        _popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1");
        Register("S-2", "T-3");
    }

    private CaseService Service => Services.GetRequiredService<CaseService>();

    /// <summary>Authorised an hour ago, the terminal lost power 20 s later, and the sale never completed.</summary>
    private TransactionRecord InterruptedSale(string terminalId = "T-1", string transactionId = "000123-0042")
    {
        var authorizedAt = Now - TimeSpan.FromHours(1);
        PowerLoss(terminalId, TimeSpan.FromHours(1) - TimeSpan.FromSeconds(20));
        var record = TransactionRecord.From(terminalId, new TransactionEvent(NextId(), authorizedAt, transactionId, TransactionStage.Authorized,
            12800, "CNY", "622848******1234", "A1B2C3", "123456789012", "000123"));
        PublishToBook(record, Fleet.Get(terminalId)!.StoreCode);
        return record;
    }

    private IRenderedComponent<CasePage> RenderCase(string terminalId = "T-1", string transactionId = "000123-0042") =>
        Render<CasePage>(p => p.Add(c => c.TerminalId, terminalId).Add(c => c.TransactionId, transactionId));

    private static string State(IRenderedComponent<CasePage> cut, string step) => cut.Find($"[data-testid={step}]").GetAttribute("data-state")!;

    [Fact]
    public void A_sale_a_store_wide_outage_interrupted_links_to_that_outage_and_a_device_loss_does_not()
    {
        AddStore("S-9");
        Register("S-9", "T-91", "T-92");
        Heartbeat("T-91", TimeSpan.FromHours(2));
        Heartbeat("T-92", TimeSpan.FromHours(2));
        PowerLoss("T-92", TimeSpan.FromHours(1) - TimeSpan.FromSeconds(30));
        InterruptedSale("T-91", "000123-0091");
        InterruptedSale();

        var outage = RenderCase("T-91", "000123-0091");
        var device = RenderCase();

        var banner = outage.WaitForElement("[data-testid=case-outage]");
        Assert.Contains("2 of 2 terminals", banner.TextContent);
        Assert.Matches(@"began \d[^:]*\d:\d\d", banner.TextContent);
        Assert.Contains("power?store=S-9&incident=PI-S-9-D", banner.QuerySelector("a")!.GetAttribute("href"));
        device.WaitForElement("[data-testid=step-check]");
        Assert.Empty(device.FindAll("[data-testid=case-outage]"));
    }

    [Fact]
    public void Shows_the_reason_the_facts_for_the_acquirer_and_no_case_yet()
    {
        InterruptedSale();

        var cut = RenderCase();

        cut.WaitForAssertion(() => Assert.Contains("Interrupted by power loss", cut.Markup));
        Assert.Equal("none", cut.Find("[data-testid=case-status]").GetAttribute("data-status"));
        var facts = cut.Find("[data-testid=acquirer-facts]").TextContent;
        Assert.Contains("Amount: 128.00 CNY", facts);
        Assert.Contains("Card: 622848******1234", facts);
        Assert.Contains("RRN: 123456789012", facts);
        Assert.Contains("Local time: 2026-11-25 07:00:00 +08:00 (Asia/Shanghai)", facts);
        Assert.Equal("current", State(cut, "step-check"));
        Assert.Contains("No case yet", cut.Find("[data-testid=case-notes]").TextContent);
    }

    [Fact]
    public void A_case_addressed_with_the_terminal_id_in_another_letter_case_is_the_registered_terminals()
    {
        InterruptedSale();
        var manager = SignInAsStoreManager("S-1");

        var cut = RenderCase("t-1");

        cut.WaitForAssertion(() => Assert.Contains("Interrupted by power loss", cut.Markup));
        cut.Find("[data-testid=take-case]").Click();
        cut.WaitForAssertion(() => Assert.Equal(manager.DisplayName, cut.Find("[data-testid=owner]").TextContent));
        Assert.Equal(manager.Email, cut.Find("[data-testid=owner]").GetAttribute("title")); // by name, the e-mail on hover
        var cases = Services.GetRequiredService<CaseBook>();
        Assert.Equal("T-1", Assert.Single(cases.All).TerminalId);
        Assert.Equal(manager.Email, cases.For("T-1", "000123-0042")?.Owner);
    }

    [Fact]
    public void Another_stores_transaction_is_not_found()
    {
        InterruptedSale();
        SignInAsStoreManager("S-2");

        var cut = RenderCase();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindComponents<NotFoundPanel>()));
        Assert.DoesNotContain("622848******1234", cut.Markup);
    }

    [Fact]
    public void Worked_through_to_resolved_with_owner_reference_note_and_trail()
    {
        InterruptedSale();
        var manager = SignInAsStoreManager("S-1");
        var cut = RenderCase();

        cut.Find("[data-testid=take-case]").Click();
        cut.WaitForAssertion(() => Assert.Equal(manager.DisplayName, cut.Find("[data-testid=owner]").TextContent));
        cut.Find("[data-testid=record-checked]").Click();
        cut.WaitForAssertion(() => Assert.Equal("current", State(cut, "step-acquirer")));
        Assert.Equal("done", State(cut, "step-check"));
        cut.Find("input[data-testid=bank-reference]").Input("ACQ-2026-7781");
        cut.Find("[data-testid=save-bank-reference]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Bank reference: ACQ-2026-7781", cut.Find("[data-testid=acquirer-facts]").TextContent));
        cut.Find("textarea[data-testid=note]").Input("Bank confirms the hold; re-credit requested");
        cut.Find("[data-testid=add-note]").Click();
        cut.WaitForAssertion(() => Assert.Contains("re-credit requested", cut.Find("[data-testid=case-trail]").TextContent));
        cut.Find("[data-testid=outcome]").Closest(".mud-select")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Re-credited")).Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=resolve-case]").HasAttribute("disabled")));
        cut.Find("[data-testid=resolve-case]").Click();
        // Resolving asks first, with a note that is required.
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=confirm-resolve]").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=case-outcome]"));
        cut.Find("textarea[data-testid=resolve-note]").Input("Acquirer re-credited on 1 Dec, ref ACQ-2026-7781");
        cut.Find("[data-testid=confirm-resolve]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Re-credited — by " + manager.Email, cut.Find("[data-testid=case-outcome]").TextContent));
        Assert.Equal("resolved", cut.Find("[data-testid=case-status]").GetAttribute("data-status"));
        var kinds = cut.FindAll("[data-testid=case-trail] li").Select(li => li.GetAttribute("data-kind")).Reverse();
        Assert.Equal(["opened", "owner_changed", "step_changed", "bank_reference_changed", "note", "note", "resolved"], kinds);
        Assert.Contains("re-credited on 1 Dec", cut.Find("[data-testid=case-trail]").TextContent);
    }

    [Fact]
    public void A_resolved_case_leaves_the_open_worklist_and_shows_when_asked()
    {
        InterruptedSale();
        InterruptedSale("T-3", "000123-0043");
        var worklist = Render<Worklist>();
        Assert.Equal(2, worklist.FindAll("[data-testid=unsettled-table] tbody tr").Count);

        Wait(async () =>
        {
            var c = await Service.OpenAsync("T-1", "000123-0042", "S-1", "ann@example.test");
            await Service.AdvanceAsync(c.Id, "ann@example.test");
            await Service.ResolveAsync(c.Id, CaseOutcome.WrittenOff, "ann@example.test");
        });
        LetLiveRefreshFire();

        worklist.WaitForAssertion(() => Assert.Single(worklist.FindAll("[data-testid=unsettled-table] tbody tr")));
        Assert.Equal("1 payment at risk", worklist.Find("[data-testid=risk-CNY-count]").TextContent.Trim());
        Assert.Contains("Interrupted by power loss: 1", worklist.Find("[data-testid=reason-count-interrupted_by_power_loss]").TextContent);
        Assert.Empty(worklist.FindAll("[data-testid='unsettled-T-1-000123-0042']"));
        worklist.Find("input[data-testid=include-resolved]").Change(true);
        worklist.WaitForAssertion(() => Assert.Equal("resolved",
            worklist.Find("[data-testid='unsettled-T-1-000123-0042'] [data-testid=case-status]").GetAttribute("data-status")));
    }

    [Fact]
    public void Timeline_shows_the_unexpected_restart_after_the_authorisation()
    {
        Heartbeat("T-1", TimeSpan.FromHours(2), bootId: "boot-1");
        var record = TransactionRecord.From("T-1", new TransactionEvent(NextId(), Now - TimeSpan.FromHours(1), "000123-0050",
            TransactionStage.Authorized, 4500, "CNY", "622848******9876", "Z9Y8X7", "998877665544", "000124"));
        PublishToBook(record, "S-1");
        Heartbeat("T-1", TimeSpan.FromMinutes(58), bootId: "boot-2"); // no shutdown reported: the terminal died
        Book.Rejudge("T-1"); // as the event writer does when a terminal's power history changes

        var cut = RenderCase(transactionId: "000123-0050");

        cut.WaitForAssertion(() => Assert.Contains("Interrupted by power loss", cut.Markup));
        var restart = Assert.Single(cut.FindAll("[data-testid=case-timeline] tbody tr"));
        Assert.Equal("yes", restart.GetAttribute("data-loss"));
        Assert.Contains("restart · unexpected", restart.TextContent);
        Assert.Contains("boot boot-2", restart.TextContent);
        Assert.Contains("authorised", cut.Find("[data-testid=stages]").TextContent);
    }

    [Fact]
    public void Changes_by_someone_else_show_without_reload()
    {
        InterruptedSale();
        var cut = RenderCase();
        cut.WaitForAssertion(() => Assert.Equal("none", cut.Find("[data-testid=case-status]").GetAttribute("data-status")));

        Wait(async () =>
        {
            var c = await Service.OpenAsync("T-1", "000123-0042", "S-1", "bob@example.test");
            await Service.AssignOwnerAsync(c.Id, "bob@example.test", "bob@example.test");
        });
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("bob@example.test", cut.Find("[data-testid=owner]").TextContent));
        Assert.Equal("check_record", cut.Find("[data-testid=case-status]").GetAttribute("data-status"));
    }

    [Theory]
    [InlineData("Customer card 4111111111111111, call back")]
    [InlineData("card 4111 1111 1111 1111")]
    public void A_note_with_a_card_number_is_refused_with_the_reason_and_nothing_is_kept(string note)
    {
        InterruptedSale();
        var snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        var cut = RenderCase();

        cut.Find("textarea[data-testid=note]").Input(note);
        cut.Find("[data-testid=add-note]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("holds a full card number", snackbars.Markup));
        Assert.Null(Cases.For("T-1", "000123-0042")); // not even a case was opened for it
        using var db = Database.Factory.CreateDbContext();
        Assert.Empty(db.Cases);
        Assert.Empty(db.CaseEntries);
    }

    [Fact]
    public void A_bank_reference_with_a_card_number_is_refused_and_the_case_keeps_none()
    {
        InterruptedSale();
        var snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        var cut = RenderCase();
        cut.Find("[data-testid=record-checked]").Click();
        cut.WaitForAssertion(() => Assert.Equal("current", State(cut, "step-acquirer")));

        cut.Find("input[data-testid=bank-reference]").Input("REF 4111-1111 4111111111111111");
        cut.Find("[data-testid=save-bank-reference]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("holds a full card number", snackbars.Markup));
        Assert.Null(Cases.For("T-1", "000123-0042")!.BankReference);
        using var db = Database.Factory.CreateDbContext();
        Assert.DoesNotContain(db.CaseEntries.AsEnumerable(), e => e.Text.Contains("4111", StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_the_confirmation_resolves_nothing()
    {
        InterruptedSale();
        SignInAsStoreManager("S-1");
        var cut = RenderCase();
        cut.Find("[data-testid=record-checked]").Click();
        cut.WaitForAssertion(() => Assert.Equal("current", State(cut, "step-acquirer")));
        cut.Find("[data-testid=outcome]").Closest(".mud-select")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Written off")).Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=resolve-case]").HasAttribute("disabled")));
        cut.Find("[data-testid=resolve-case]").Click();

        cut.WaitForElement("[data-testid=cancel-resolve]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=resolve-case]")));
        Assert.False(Cases.For("T-1", "000123-0042")!.IsResolved);
    }

    [Fact]
    public void A_technician_reads_the_case_but_has_nothing_to_press()
    {
        InterruptedSale();
        Wait(async () =>
        {
            var c = await Service.OpenAsync("T-1", "000123-0042", "S-1", "ann@example.test");
            await Service.AdvanceAsync(c.Id, "ann@example.test");
        });
        SignInAsTechnician("S-1");

        var cut = RenderCase();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=case-read-only]")));
        Assert.Contains("622848******1234", cut.Find("[data-testid=acquirer-facts]").TextContent); // the facts, to read
        foreach (var action in new[] { "open-case", "take-case", "record-checked", "save-bank-reference", "add-note", "resolve-case", "reopen-case" })
        {
            Assert.Empty(cut.FindAll($"[data-testid={action}]"));
        }
    }

    [Fact]
    public void Working_a_case_someone_else_owns_offers_to_take_it()
    {
        var (cut, snackbars, manager) = OfferedToTake();

        snackbars.FindAll("button").Single(b => b.TextContent.Contains("Take it")).Click();
        cut.WaitForAssertion(() => Assert.Equal(manager.DisplayName, cut.Find("[data-testid=owner]").TextContent));
    }

    private static bool Offered(IRenderedComponent<MudSnackbarProvider> snackbars) =>
        snackbars.FindAll(".mud-snackbar").Any(s => s.TextContent.Contains("You are not this case's owner."));

    /// <summary>A case Ann owns, worked by a store manager until the page offers to take it.</summary>
    private (IRenderedComponent<CasePage> Cut, IRenderedComponent<MudSnackbarProvider> Snackbars, UserAccess Manager) OfferedToTake()
    {
        InterruptedSale();
        Wait(async () =>
        {
            var c = await Service.OpenAsync("T-1", "000123-0042", "S-1", "ann@example.test");
            await Service.AssignOwnerAsync(c.Id, "ann@example.test", "ann@example.test");
        });
        var manager = SignInAsStoreManager("S-1");
        var snackbars = Context.Render<MudSnackbarProvider>();
        var cut = RenderCase();
        cut.Find("[data-testid=record-checked]").Click();
        snackbars.WaitForAssertion(() => Assert.True(Offered(snackbars)));
        return (cut, snackbars, manager);
    }

    [Fact]
    public void Resolving_the_case_takes_away_the_offer_to_take_it()
    {
        var (cut, snackbars, _) = OfferedToTake();

        cut.Find("[data-testid=outcome]").Closest(".mud-select")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Settled late")).Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=resolve-case]").HasAttribute("disabled")));
        cut.Find("[data-testid=resolve-case]").Click();
        cut.WaitForAssertion(() => cut.Find("textarea[data-testid=resolve-note]").Input("Settled in the next batch"));
        cut.Find("[data-testid=confirm-resolve]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Settled late", cut.Find("[data-testid=case-outcome]").TextContent));
        snackbars.WaitForAssertion(() => Assert.False(Offered(snackbars)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_offer_goes_when_elsewhere_the_case_is_given_to_me_or_resolved(bool resolved)
    {
        var (cut, snackbars, manager) = OfferedToTake();
        var id = Cases.For("T-1", "000123-0042")!.Id;

        Wait(() => resolved ? Service.ResolveAsync(id, CaseOutcome.SettledLate, "ann@example.test")
            : Service.AssignOwnerAsync(id, manager.Email, "ann@example.test"));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal(resolved ? "resolved" : manager.DisplayName,
            resolved ? cut.Find("[data-testid=case-status]").GetAttribute("data-status") : cut.Find("[data-testid=owner]").TextContent));
        snackbars.WaitForAssertion(() => Assert.False(Offered(snackbars)));
    }

    private void SaleThenRestartAnHourAndAHalfLater()
    {
        Heartbeat("T-1", TimeSpan.FromHours(4), bootId: "boot-1");
        var record = TransactionRecord.From("T-1", new TransactionEvent(NextId(), Now - TimeSpan.FromHours(3.5), "000123-0060",
            TransactionStage.Authorized, 4500, "CNY", "622848******9876", "Z9Y8X7", "998877665544", "000124"));
        PublishToBook(record, "S-1");
        Heartbeat("T-1", TimeSpan.FromHours(2), bootId: "boot-2");
    }

    [Fact]
    public void The_timeline_keeps_to_half_an_hour_either_side_of_the_sale_and_offers_a_wider_window()
    {
        SaleThenRestartAnHourAndAHalfLater();

        var cut = RenderCase(transactionId: "000123-0060");

        cut.WaitForAssertion(() => Assert.Contains("30 min before the sale", cut.Find("[data-testid=timeline-window]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=case-timeline]")); // the restart is 90 min later: outside
        Assert.Equal("Show ±2 h", cut.Find("[data-testid=widen-timeline]").TextContent.Trim());
    }

    [Fact]
    public void A_wider_window_from_the_url_shows_the_later_restart()
    {
        SaleThenRestartAnHourAndAHalfLater();

        var cut = RenderAt<CasePage>("transactions/T-1/000123-0060?window=120",
            p => p.Add(c => c.TerminalId, "T-1").Add(c => c.TransactionId, "000123-0060"));

        cut.WaitForAssertion(() => Assert.Contains("boot boot-2", cut.Find("[data-testid=case-timeline]").TextContent));
        Assert.Contains("2 h before the sale", cut.Find("[data-testid=timeline-window]").TextContent);
        Assert.Equal("Show ±8 h", cut.Find("[data-testid=widen-timeline]").TextContent.Trim());
    }
}

