using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

public sealed class AdminTerminalActionsTests : FleetComponentTest
{
    private string _originalKey = "";

    private async Task RegisterTerminalAsync()
    {
        var registry = Services.GetRequiredService<FleetRegistry>();
        await registry.AddStoreAsync(new StoreInfo("S-1", "Store S-1", "East", "Asia/Shanghai"));
        var (_, terminal, _) = await registry.AddTerminalAsync(new TerminalRegistration("T-1", "S-1", "A920", "SN-1"));
        _originalKey = terminal!.Key;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task A_store_manager_sees_neither_rotate_nor_decommission()
    {
        await RegisterTerminalAsync();
        SignInAsStoreManager("S-1");

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=terminal-connectivity]")));
        Assert.Empty(cut.FindAll("[data-testid=rotate-key]"));
        Assert.Empty(cut.FindAll("[data-testid=decommission]"));
    }

    /// <summary>Opens the terminal's page at <paramref name="address"/> and rotates its key there; returns the key shown once.</summary>
    private (string Key, IRenderedComponent<TerminalDetail> Page, IRenderedComponent<MudDialogProvider> Dialogs) RotateOnPage(string address)
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, address));

        cut.WaitForElement("[data-testid=rotate-key]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Rotate the key of T-1?", dialogs.Markup));
        Button(dialogs, "Rotate key").Click();

        var key = "";
        dialogs.WaitForAssertion(() => key = dialogs.Find("[data-testid=rotated-key]").TextContent.Trim());
        return (key, cut, dialogs);
    }

    [Fact]
    public async Task Rotating_shows_the_new_key_once_and_the_old_key_stops_working()
    {
        await RegisterTerminalAsync();

        var (key, cut, dialogs) = RotateOnPage("T-1");

        var keys = Services.GetRequiredService<TerminalKeys>();
        Assert.Equal(KeyCheck.Valid, keys.Check(key, "T-1", out _));
        Assert.Equal(KeyCheck.UnknownKey, keys.Check(_originalKey, "T-1", out _));
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TerminalKeyRotated, 0, 10);
        Assert.Equal("T-1", Assert.Single(entries).Target);

        dialogs.Find("[data-testid=secret-done]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=rotated-key]")));
        Assert.DoesNotContain(key, cut.Markup);
    }

    [Fact]
    public async Task The_page_of_a_terminal_addressed_in_another_letter_case_shows_and_acts_on_the_registered_terminal()
    {
        await RegisterTerminalAsync();

        var (key, _, _) = RotateOnPage("t-1");

        Assert.Equal(KeyCheck.Valid, Services.GetRequiredService<TerminalKeys>().Check(key, null, out var owner));
        Assert.Equal("T-1", owner);
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TerminalKeyRotated, 0, 10);
        Assert.Equal("T-1", Assert.Single(entries).Target);
    }

    [Fact]
    public async Task Decommissioning_asks_first_then_shows_the_chip_and_audits_it()
    {
        await RegisterTerminalAsync();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForElement("[data-testid=decommission]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("refused (403)", dialogs.Markup));
        Button(dialogs, "Decommission").Click();

        cut.WaitForAssertion(() => Assert.Contains("decommissioned", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=decommission]"));
        Assert.True(Fleet.Get("T-1")!.Registration.Decommissioned);
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TerminalDecommissioned, 0, 10);
        Assert.Equal((TestUsers.AdministratorEmail, "T-1"), (Assert.Single(entries).Actor, entries[0].Target));
    }
}
