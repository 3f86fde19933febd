using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The forms refuse an acquirer terminal id another terminal in service has under the same acquirer (decisions.md): by
/// the field it is about, in the reader's language, and nothing is saved.
/// </summary>
public sealed class AcquirerTerminalIdFormTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public AcquirerTerminalIdFormTests()
    {
        Context.Render<MudPopoverProvider>();
        _dialogs = Context.Render<MudDialogProvider>();
    }

    private FleetRegistry Registry => Services.GetRequiredService<FleetRegistry>();

    /// <summary>S-1 of UnionPay with T-1 known to it as 88000001, and <paramref name="other"/> with T-2 as <paramref name="otherId"/>.</summary>
    private async Task ChainAsync(StoreInfo other, string otherId)
    {
        await Registry.AddStoreAsync(new StoreInfo("S-1", "Store S-1", "East", "Asia/Shanghai", "unionpay"));
        await Registry.AddStoreAsync(other);
        await Registry.AddTerminalAsync(new TerminalRegistration("T-1", "S-1", "A920", "SN-1", AcquirerTerminalId: "88000001"));
        await Registry.AddTerminalAsync(new TerminalRegistration("T-2", other.Code, "A920", "SN-2", AcquirerTerminalId: otherId));
    }

    /// <summary>What the form shows under the field whose input is <paramref name="testId"/>.</summary>
    private string FieldText(string testId) => _dialogs.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task The_terminal_form_shows_a_taken_acquirer_terminal_id_by_its_field_and_saves_nothing()
    {
        await ChainAsync(new StoreInfo("S-2", "Store S-2", "East", "Asia/Shanghai", "unionpay"), "88000002");
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-2"));

        cut.WaitForElement("[data-testid=edit-terminal]").Click();
        _dialogs.WaitForElement("input[data-testid=terminal-acquirer-id]").Change("88000001");
        _dialogs.Find("[data-testid=terminal-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains(
            "'acquirerTerminalId' '88000001' is already used by terminal 'T-1' under acquirer 'unionpay'", FieldText("terminal-acquirer-id")));
        Assert.Empty(_dialogs.FindAll("[data-testid=terminal-refusal]"));
        Assert.Equal("88000002", Fleet.Get("T-2")!.Registration.AcquirerTerminalId);
        Assert.Empty((await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TerminalChanged, 0, 10)).Items);
    }

    [Fact]
    public async Task The_store_form_shows_in_Chinese_by_the_acquirer_field_which_terminal_a_new_acquirer_already_knows()
    {
        UseLanguage(Languages.Chinese);
        await ChainAsync(new StoreInfo("S-2", "Store S-2", "East", "Asia/Shanghai"), "88000001");
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-2"));

        cut.WaitForElement("[data-testid=edit-store]").Click();
        _dialogs.WaitForElement("input[data-testid=store-acquirer]").Change("unionpay");
        _dialogs.Find("[data-testid=store-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains(
            "本门店的终端“T-2”的 acquirerTerminalId 为“88000001”，而收单机构“unionpay”下的终端“T-1”已在使用该编号", FieldText("store-acquirer")));
        Assert.Null(Stores.Get("S-2")!.Acquirer);
    }
}
