using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Alerts;
using FleetOps.Web.Components.Alerts;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The alerts page and the bell, fed the way the app feeds them: terminals go offline on the fake clock, the alert
/// centre evaluates, and the page and the bell follow the alert book live. S-1: T-1, T-2. S-2: T-3.
/// </summary>
public sealed class AlertsPageTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudBlazor.MudDialogProvider> _dialogs;
    private readonly IRenderedComponent<MudBlazor.MudPopoverProvider> _popovers;

    public AlertsPageTests()
    {
        _popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        _dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
        Heartbeat("T-1");
        Heartbeat("T-2");
        Heartbeat("T-3");
    }

    /// <summary>Lets the terminals' silence pass the offline limit, then evaluates the alerts.</summary>
    private void GoOffline(params string[] terminalIds)
    {
        Clock.Advance(Detection.OfflineAfter + TimeSpan.FromSeconds(5));
        foreach (var id in new[] { "T-1", "T-2", "T-3" }.Except(terminalIds)) Heartbeat(id);
        Fleet.Sweep(includePower: false);
        EvaluateAlerts();
    }

    private AngleSharp.Dom.IElement DialogButton(string text)
    {
        _dialogs.WaitForAssertion(() => Assert.Contains(_dialogs.FindAll("button"), b => b.TextContent.Trim() == text));
        return _dialogs.FindAll("button").First(b => b.TextContent.Trim() == text);
    }

    /// <summary>T-1 muted for an hour by a technician known by name ("Tess Tech").</summary>
    private async Task<FleetOps.Core.Alerts.MuteWindow> MuteByTessAsync(string reason = "swapping the power supply")
    {
        await Users.CreateAsync(Roles.Technician, email: "tess@fleetops.test", displayName: "Tess Tech");
        await Services.GetRequiredService<AlertService>().MuteAsync("S-1", "T-1", Now.AddMinutes(-1), Now.AddHours(1), reason, "tess@fleetops.test", null);
        return Assert.Single(Alerts.Mutes);
    }

    private static List<string> Rows(IRenderedComponent<AlertsPage> cut) =>
        cut.FindAll("[data-testid=alert-table] tbody tr").Select(r => r.GetAttribute("data-kind") + ":" + r.TextContent).ToList();

    [Fact]
    public void An_offline_terminal_is_an_open_alert_on_the_page_and_in_the_bell()
    {
        GoOffline("T-1");

        var page = Render<AlertsPage>();
        var bell = Render<AlertBell>();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.StartsWith("offline:") && r.Contains("T-1")));
        Assert.Single(Rows(page));
        Assert.Equal("1", bell.Find("[data-testid=alert-badge]").GetAttribute("data-count"));
    }

    [Fact]
    public void A_new_alert_appears_on_the_open_page_and_the_bell_counts_up_without_reload()
    {
        var page = Render<AlertsPage>();
        var bell = Render<AlertBell>();
        // "None" only once the list has been read (before it, a loading bar): on PostgreSQL the read always awaits.
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=alerts-none]")));

        GoOffline("T-2");
        LetLiveRefreshFire();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("T-2")));
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=alert-badge]").GetAttribute("data-count")));
    }

    [Fact]
    public void Acknowledging_with_a_note_marks_the_alert_and_writes_the_audit_log()
    {
        GoOffline("T-1");
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)));

        page.Find("[data-testid=acknowledge]").Click();
        _dialogs.Find("textarea[data-testid=acknowledge-note]").Input("power strip replaced");
        _dialogs.Find("[data-testid=acknowledge-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("acknowledged", page.Find("[data-testid=alert-table] tbody tr").GetAttribute("data-state")));
        var alert = Assert.Single(Alerts.Active);
        Assert.Equal("power strip replaced", alert.AcknowledgementNote);
        Assert.Empty(page.FindAll("[data-testid=acknowledge]"));
        // Who acknowledged it, by name as everywhere else (it showed an e-mail).
        Assert.Contains($"by {Users.Administrator.DisplayName}", page.Find("[data-testid=alert-table] tbody tr").TextContent);
        Assert.DoesNotContain(Users.Administrator.Email, page.Find("[data-testid=alert-table] tbody tr").TextContent);
        var audit = Wait(() => Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.AlertAcknowledged, 0, 10, default));
        Assert.Equal("power strip replaced", Assert.Single(audit.Items).Details);
    }

    [Fact]
    public void A_store_manager_sees_the_alerts_of_their_store_only_and_the_bell_counts_them_only()
    {
        GoOffline("T-1", "T-3");
        SignInAsStoreManager("S-2");

        var page = Render<AlertsPage>();
        var bell = Render<AlertBell>();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("T-3")));
        Assert.DoesNotContain(Rows(page), r => r.Contains("T-1"));
        Assert.Equal("1", bell.Find("[data-testid=alert-badge]").GetAttribute("data-count"));
    }

    [Fact]
    public void The_store_filter_offers_the_stores_that_match_what_is_typed_and_narrows_the_list_and_the_address()
    {
        GoOffline("T-1", "T-3");
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        var store = page.Find("input[data-testid=alert-store]");
        store.Focus();
        store.Input("north");
        // Focus alone offers every store; what was typed narrows the list once typing pauses (on the app's clock).
        AdvanceUntil(_popovers, () => Assert.Equal("S-2 · Store S-2 (North)", Assert.Single(_popovers.FindAll(".mud-list-item")).TextContent.Trim()),
            TimeSpan.FromMilliseconds(500));
        _popovers.Find(".mud-list-item").Click();

        page.WaitForAssertion(() => Assert.Contains("T-3", Assert.Single(Rows(page))));
        Assert.Contains("store=S-2", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public void Resolved_alerts_are_listed_when_the_address_asks_for_them()
    {
        GoOffline("T-1");
        Heartbeat("T-1");
        EvaluateAlerts();

        var active = RenderAt<AlertsPage>("alerts");
        active.WaitForAssertion(() => Assert.NotNull(active.Find("[data-testid=alerts-none]")));
        var resolved = RenderAt<AlertsPage>("alerts?state=resolved");

        resolved.WaitForAssertion(() => Assert.Equal("resolved", resolved.Find("[data-testid=alert-table] tbody tr").GetAttribute("data-state")));
    }

    [Fact]
    public void A_muted_store_keeps_its_alert_listed_as_muted_but_the_bell_does_not_count_it()
    {
        GoOffline("T-1");
        Wait(() => Services.GetRequiredService<AlertService>().MuteAsync("S-1", null, Now.AddMinutes(-1), Now.AddHours(1), "refit", "tech@chain", null));

        var page = Render<AlertsPage>();
        var bell = Render<AlertBell>();

        page.WaitForAssertion(() => Assert.Equal("yes", page.Find("[data-testid=alert-table] tbody tr").GetAttribute("data-muted")));
        Assert.Contains("muted", page.Find("[data-testid=alert-table] tbody tr").TextContent);
        Assert.Equal("0", bell.Find("[data-testid=alert-badge]").GetAttribute("data-count"));
    }

    [Fact]
    public void Chinese_names_the_kind_and_the_state()
    {
        GoOffline("T-1");
        UseLanguage(Languages.Chinese);

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Contains("离线", page.Find("[data-testid=alert-table] tbody tr").TextContent));
        Assert.Contains("未处理", page.Find("[data-testid=alert-table] tbody tr").TextContent);
    }

    [Fact]
    public void Muting_a_terminal_from_its_alert_marks_it_muted_lists_the_mute_and_ending_it_counts_it_again()
    {
        GoOffline("T-1");
        var page = Render<AlertsPage>();
        var bell = Render<AlertBell>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)));

        page.Find("[data-testid=mute]").Click();
        _dialogs.Find("input[data-testid=mute-reason]").Input("swapping the power supply");
        _dialogs.Find("[data-testid=mute-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("yes", page.Find("[data-testid=alert-table] tbody tr").GetAttribute("data-muted")));
        var mute = Assert.Single(Alerts.Mutes);
        Assert.Equal(("S-1", "T-1", "swapping the power supply"), (mute.StoreCode, mute.TerminalId, mute.Reason));
        Assert.Equal(TimeSpan.FromHours(4), mute.Until - mute.From);
        Assert.Contains("swapping the power supply", page.Find("[data-testid=mutes]").TextContent);
        // When it ends, on the store's clock to the minute: a planned time, not an event's.
        var until = mute.Until.ToOffset(TimeSpan.FromHours(8));
        Assert.Contains(until.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " +08:00", page.Find("[data-testid=mutes]").TextContent);
        Assert.DoesNotContain(until.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=mutes]").TextContent);
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=alert-badge]").GetAttribute("data-count")));

        page.Find("[data-testid=unmute]").Click();
        DialogButton("End now").Click();
        LetLiveRefreshFire(); // the bell's second change within the feed's interval waits for it

        page.WaitForAssertion(() => Assert.Equal("no", page.Find("[data-testid=alert-table] tbody tr").GetAttribute("data-muted")));
        Assert.Empty(Alerts.Mutes);
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=alert-badge]").GetAttribute("data-count")));
    }

    [Fact]
    public void A_work_order_raised_from_an_alert_is_titled_in_the_readers_language_and_stays_English_for_the_api()
    {
        GoOffline("T-1");
        UseLanguage(Languages.Chinese);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)));

        page.Find("[data-testid=work-order]").Click();

        var order = Maintenance.OpenForAlert(Assert.Single(Alerts.Active).Id)!;
        Assert.Equal("Terminal T-1 at S-1 is offline", order.Title); // what the API and webhooks carry
        var chinese = Render<FleetOps.Web.Components.Maintenance.WorkOrderPage>(p => p.Add(c => c.Id, order.Id));
        Assert.Equal("门店 S-1 的终端 T-1 离线", chinese.Find("[data-testid=work-order-title]").TextContent.Trim());
        var list = Render<FleetOps.Web.Components.Maintenance.WorkOrdersPage>();
        Assert.Equal("门店 S-1 的终端 T-1 离线", list.Find("[data-testid=work-order-link]").TextContent.Trim());
        chinese.Dispose();
        list.Dispose();

        UseLanguage(Languages.English);
        var english = Render<FleetOps.Web.Components.Maintenance.WorkOrderPage>(p => p.Add(c => c.Id, order.Id));
        Assert.Equal("Terminal T-1 at S-1 is offline", english.Find("[data-testid=work-order-title]").TextContent.Trim());
    }

    [Fact]
    public void A_visits_mute_names_its_work_order_in_the_readers_language()
    {
        GoOffline("T-1");
        var maintenance = Services.GetRequiredService<FleetOps.Web.Maintenance.MaintenanceService>();
        var order = Wait(() => maintenance.CreateFromAlertAsync(Assert.Single(Alerts.Active).Id, FleetOps.Web.Maintenance.MaintenanceActor.Bootstrap, null)).Value!;
        Wait(() => maintenance.StartAsync(order.Id, FleetOps.Web.Maintenance.MaintenanceActor.Bootstrap, null));
        Assert.Equal("maintenance visit Terminal T-1 at S-1 is offline", Assert.Single(Alerts.Mutes).Reason); // the API's
        UseLanguage(Languages.Chinese);

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Equal("维护上门：门店 S-1 的终端 T-1 离线", page.Find("[data-testid=mute-reason]").TextContent.Trim()));
    }

    [Fact]
    public void One_click_on_an_offline_alert_raises_a_network_check_and_a_second_click_opens_the_same_one()
    {
        GoOffline("T-1");
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        page.Find("[data-testid=work-order]").Click();

        var alert = Assert.Single(Alerts.Active);
        var order = Maintenance.OpenForAlert(alert.Id);
        Assert.NotNull(order);
        Assert.Equal(("T-1", FleetOps.Core.Maintenance.WorkOrderKind.Network, FleetOps.Core.Maintenance.DefaultChecklists.CableNetwork),
            (order.TerminalId, order.Kind, order.ChecklistKey));
        Assert.EndsWith($"/maintenance/workorders/{order.Id}", navigation.Uri);

        navigation.NavigateTo("alerts");
        page.Find("[data-testid=work-order]").Click();

        Assert.Single(Maintenance.All);
        Assert.EndsWith($"/maintenance/workorders/{order.Id}", navigation.Uri);
    }

    [Fact]
    public void Only_dispatchers_are_offered_a_work_order_on_an_alert()
    {
        GoOffline("T-1");
        SignInAsStoreManager("S-1");

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        Assert.Empty(page.FindAll("[data-testid=work-order]"));
    }

    [Fact]
    public async Task Ending_a_mute_asks_first_naming_the_terminal_and_who_set_it_and_cancel_keeps_it()
    {
        GoOffline("T-1");
        var mute = await MuteByTessAsync();
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=mute-{mute.Id}]")));

        page.Find("[data-testid=unmute]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("Unmute terminal T-1?", _dialogs.Markup));
        Assert.Contains("Tess Tech muted it until", _dialogs.Markup);
        DialogButton("Cancel").Click();
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("button")));
        Assert.Single(Alerts.Mutes);
        Assert.NotNull(page.Find($"[data-testid=mute-{mute.Id}]"));
        Assert.Equal("yes", page.Find("[data-testid=alert-table] tbody tr").GetAttribute("data-muted"));

        page.Find("[data-testid=unmute]").Click();
        DialogButton("End now").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=mutes]")));
        Assert.Empty(Alerts.Mutes);
    }

    [Fact]
    public async Task Ending_a_stores_mute_names_the_store_in_Chinese()
    {
        GoOffline("T-1");
        await Users.CreateAsync(Roles.Technician, email: "tess@fleetops.test", displayName: "Tess Tech");
        await Services.GetRequiredService<AlertService>().MuteAsync("S-1", null, Now.AddMinutes(-1), Now.AddHours(1), "refit", "tess@fleetops.test", null);
        UseLanguage(Languages.Chinese);
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=unmute]")));

        page.Find("[data-testid=unmute]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("结束门店 S-1 · Store S-1 的静音？", _dialogs.Markup));
        Assert.Contains("Tess Tech 将其静音至", _dialogs.Markup);
        Assert.Single(Alerts.Mutes);
    }

    [Fact]
    public async Task The_mutes_list_names_who_set_it_by_display_name_with_the_email_on_hover()
    {
        GoOffline("T-1");
        await MuteByTessAsync();

        var page = Render<AlertsPage>();

        var by = page.WaitForElement("[data-testid=mute-by]");
        Assert.Equal("by Tess Tech", by.TextContent.Trim());
        Assert.Equal("tess@fleetops.test", by.GetAttribute("title"));
        Assert.DoesNotContain("tess@fleetops.test", page.Find("[data-testid=mutes]").TextContent);
    }

    [Fact]
    public async Task On_a_phone_a_mute_shows_until_when_and_why_under_what_is_muted()
    {
        GoOffline("T-1");
        var mute = await MuteByTessAsync("new router");

        var page = Render<AlertsPage>();

        var row = page.WaitForElement($"[data-testid=mute-{mute.Id}]");
        // A phone hides the fo-col-sm columns (app.css); what it shows instead sits in the first cell, marked fo-below-sm.
        var phone = row.QuerySelector("td:first-child [data-testid=mute-phone]");
        Assert.NotNull(phone);
        Assert.Contains("fo-below-sm", phone.ClassList);
        var until = mute.Until.ToOffset(TimeSpan.FromHours(8)).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"until {until} +08:00", phone.TextContent);
        Assert.Contains("new router", phone.TextContent);
    }
}
