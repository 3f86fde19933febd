using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using StoresPage = FleetOps.Web.Components.Pages.Stores;

namespace FleetOps.Components.Tests;

/// <summary>Issue 11 item 7: administrators create and change stores, register, change and move terminals from the pages.</summary>
public sealed class AdminStoreTerminalFormsTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public AdminStoreTerminalFormsTests()
    {
        _popovers = Context.Render<MudPopoverProvider>();
        _dialogs = Context.Render<MudDialogProvider>();
    }

    private FleetRegistry Registry => Services.GetRequiredService<FleetRegistry>();

    private async Task<IReadOnlyList<FleetOps.Web.Security.AuditEntry>> AuditAsync(string action) =>
        (await Services.GetRequiredService<AuditLog>().PageAsync(null, action, 0, 10)).Items;

    private async Task StoresAsync(params string[] codes)
    {
        foreach (var code in codes) await Registry.AddStoreAsync(new StoreInfo(code, $"Store {code}", "East", "Asia/Shanghai"));
    }

    private string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task Creating_a_store_saves_it_with_the_default_time_zone_audits_it_and_opens_its_page()
    {
        var cut = Render<StoresPage>();

        cut.Find("[data-testid=new-store]").Click();
        _dialogs.WaitForElement("input[data-testid=store-code]").Change("SH-100");
        _dialogs.Find("input[data-testid=store-name]").Change("Xujiahui");
        _dialogs.Find("input[data-testid=store-region]").Change("East");
        _dialogs.Find("[data-testid=store-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=store-save]")));
        Assert.Equal(new StoreInfo("SH-100", "Xujiahui", "East", "Asia/Shanghai"), Stores.Get("SH-100"));
        Assert.EndsWith("/stores/SH-100", CurrentUri);
        var entry = Assert.Single(await AuditAsync(AuditActions.StoreCreated));
        Assert.Equal((TestUsers.AdministratorEmail, "SH-100"), (entry.Actor, entry.Target));
    }

    [Theory]
    [InlineData("", "'Store name' is required.")]
    [InlineData("Till 4111 1111 1111 1111", "'Store name' holds a full card number")]
    public async Task The_store_form_refuses_bad_fields_at_the_field_and_writes_nothing(string name, string error)
    {
        var cut = Render<StoresPage>();

        cut.Find("[data-testid=new-store]").Click();
        _dialogs.WaitForElement("input[data-testid=store-code]").Change("SH-101");
        _dialogs.Find("input[data-testid=store-name]").Change(name);
        _dialogs.Find("input[data-testid=store-region]").Change("East");
        _dialogs.Find("[data-testid=store-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains(error, _dialogs.Markup));
        Assert.Null(Stores.Get("SH-101"));
        Assert.Empty(await AuditAsync(AuditActions.StoreCreated));
    }

    [Fact]
    public async Task The_time_zone_is_picked_from_the_IANA_zones()
    {
        var cut = Render<StoresPage>();

        cut.Find("[data-testid=new-store]").Click();
        _dialogs.WaitForElement("input[data-testid=store-code]").Change("JP-1");
        _dialogs.Find("input[data-testid=store-name]").Change("Shibuya");
        _dialogs.Find("input[data-testid=store-region]").Change("Japan");
        var zone = _dialogs.Find("input[data-testid=store-time-zone]");
        zone.Focus();
        zone.Input("tokyo");
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Asia/Tokyo (UTC+09:00)")).Click();
        _dialogs.Find("[data-testid=store-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Equal("Asia/Tokyo", Stores.Get("JP-1")?.TimeZone));
    }

    [Fact]
    public void The_store_form_speaks_Chinese_with_the_field_as_labelled()
    {
        UseLanguage(Languages.Chinese);
        var cut = Render<StoresPage>();

        cut.Find("[data-testid=new-store]").Click();
        _dialogs.WaitForElement("input[data-testid=store-code]").Change("SH-102");
        _dialogs.Find("[data-testid=store-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("请填写“门店名称”。", _dialogs.Markup));
        Assert.Contains("请填写“区域”。", _dialogs.Markup);
        Assert.Null(Stores.Get("SH-102"));
    }

    [Fact]
    public async Task Editing_a_store_changes_its_page_at_once_and_audits_the_old_and_new_name()
    {
        await StoresAsync("S-1");
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        cut.WaitForElement("[data-testid=edit-store]").Click();
        Assert.True(_dialogs.WaitForElement("input[data-testid=store-code]").HasAttribute("disabled"));
        _dialogs.Find("input[data-testid=store-name]").Change("Jing'an");
        _dialogs.Find("[data-testid=store-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("S-1 · Jing'an", cut.Markup));
        Assert.Equal("Jing'an", Stores.Get("S-1")!.Name);
        Assert.Equal("name Store S-1 → Jing'an", Assert.Single(await AuditAsync(AuditActions.StoreChanged)).Details);
    }

    [Fact]
    public async Task Registering_a_terminal_from_its_store_shows_the_key_once_and_the_key_works()
    {
        await StoresAsync("S-1", "S-2");
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-2"));

        cut.WaitForElement("[data-testid=register-terminal]").Click();
        _dialogs.WaitForElement("input[data-testid=terminal-id]").Change("T-9");
        _dialogs.Find("input[data-testid=terminal-model]").Change("A920");
        _dialogs.Find("[data-testid=terminal-save]").Click();

        var key = "";
        _dialogs.WaitForAssertion(() => key = _dialogs.Find("[data-testid=new-terminal-key]").TextContent.Trim());
        Assert.Contains("will not be shown again", _dialogs.Markup);
        Assert.Equal(KeyCheck.Valid, Services.GetRequiredService<TerminalKeys>().Check(key, "T-9", out _));
        Assert.Equal("S-2", Fleet.Get("T-9")!.StoreCode);
        Assert.Equal("store S-2, model A920; key issued", Assert.Single(await AuditAsync(AuditActions.TerminalRegistered)).Details);

        _dialogs.Find("[data-testid=secret-done]").Click();
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain(key, _dialogs.Markup));
        Assert.EndsWith("/terminals/T-9", CurrentUri);
    }

    [Fact]
    public void Registering_before_any_store_exists_says_to_create_a_store_first()
    {
        var cut = Render<Terminals>();

        cut.Find("[data-testid=register-terminal]").Click();
        _dialogs.WaitForElement("input[data-testid=terminal-id]").Change("T-1");
        _dialogs.Find("input[data-testid=terminal-model]").Change("A920");
        _dialogs.Find("[data-testid=terminal-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("'Store' is required.", _dialogs.Markup));
        Assert.Contains("create one on the stores page first", _dialogs.Find("[data-testid=no-stores]").TextContent);
        Assert.Null(Fleet.Get("T-1"));
    }

    [Fact]
    public async Task Moving_a_terminal_files_it_under_the_new_store_at_once_and_audits_the_move()
    {
        await StoresAsync("S-1", "S-2");
        await Registry.AddTerminalAsync(new TerminalRegistration("T-1", "S-1", "A920", "SN-1"));
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForElement("[data-testid=edit-terminal]").Click();
        var store = _dialogs.WaitForElement("input[data-testid=terminal-store]");
        store.Focus();
        store.Input("S-2");
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("S-2 · Store S-2")).Click();
        _dialogs.Find("[data-testid=terminal-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("stores/S-2", cut.Markup));
        Assert.Contains(Fleet.InStore("S-2"), t => t.TerminalId == "T-1");
        Assert.Empty(Fleet.InStore("S-1"));
        Assert.Equal("store S-1 → S-2", Assert.Single(await AuditAsync(AuditActions.TerminalChanged)).Details);
    }

    [Fact]
    public async Task The_store_a_terminal_leaves_stops_showing_it_at_once()
    {
        await StoresAsync("S-1", "S-2");
        await Registry.AddTerminalAsync(new TerminalRegistration("T-1", "S-1", "A920", "SN-1"));
        await Registry.AddTerminalAsync(new TerminalRegistration("T-2", "S-1", "A920", "SN-2"));
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));
        cut.WaitForAssertion(() => Assert.Contains("T-1", cut.Find("[data-testid=terminal-grid]").TextContent));

        await Registry.UpdateTerminalAsync(new TerminalRegistration("T-1", "S-2", "A920", "SN-1"));

        cut.WaitForAssertion(() => Assert.DoesNotContain("T-1", cut.Find("[data-testid=terminal-grid]").TextContent));
        Assert.Contains("T-2", cut.Find("[data-testid=terminal-grid]").TextContent);
    }

    [Fact]
    public async Task A_store_manager_sees_none_of_the_buttons()
    {
        await StoresAsync("S-1");
        await Registry.AddTerminalAsync(new TerminalRegistration("T-1", "S-1", "A920", "SN-1"));
        SignInAsStoreManager("S-1");

        var stores = Render<StoresPage>();
        var store = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));
        var terminals = Render<Terminals>();
        var terminal = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        store.WaitForAssertion(() => Assert.Contains("Store S-1", store.Markup));
        terminal.WaitForAssertion(() => Assert.NotNull(terminal.Find("[data-testid=terminal-connectivity]")));
        Assert.Empty(stores.FindAll("[data-testid=new-store]"));
        Assert.Empty(store.FindAll("[data-testid=edit-store]"));
        Assert.Empty(store.FindAll("[data-testid=register-terminal]"));
        Assert.Empty(terminals.FindAll("[data-testid=register-terminal]"));
        Assert.Empty(terminal.FindAll("[data-testid=edit-terminal]"));
    }
}
