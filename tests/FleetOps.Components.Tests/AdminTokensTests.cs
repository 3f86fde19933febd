using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Account;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

public sealed class AdminTokensTests : FleetComponentTest
{
    [Fact]
    public async Task A_created_token_is_shown_once_works_and_is_audited()
    {
        AddStore("S-1");
        var manager = SignIn(CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test"));

        var cut = Render<Tokens>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API tokens.", cut.Markup));
        cut.Find("input[data-testid=token-name]").Input("nightly export");
        cut.Find("[data-testid=create-token]").Click();

        var token = "";
        cut.WaitForAssertion(() => token = cut.Find("[data-testid=new-token]").TextContent.Trim());
        Assert.StartsWith("fo_", token);
        Assert.Contains("will not be shown again", cut.Markup);
        var directory = Services.GetRequiredService<ApiTokenDirectory>();
        Assert.Equal(manager.UserId, directory.Find(token)?.UserId);
        var row = cut.Find("[data-testid=token-table] tbody tr");
        Assert.Contains("nightly export", row.TextContent);
        Assert.Contains(token[..10] + "…", row.TextContent);
        Assert.DoesNotContain(token, row.TextContent);
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TokenCreated, 0, 10);
        Assert.Equal("sm@fleetops.test", Assert.Single(entries).Actor);

        // Opened again, the page lists the token but never shows it.
        var again = Render<Tokens>();
        again.WaitForAssertion(() => Assert.Contains("nightly export", again.Markup));
        Assert.DoesNotContain(token, again.Markup);
        Assert.Empty(again.FindAll("[data-testid=new-token]"));
    }

    [Fact]
    public void A_tokens_times_read_on_the_store_managers_store_clock_not_UTC()
    {
        AddStore("S-1"); // Shanghai, UTC+8
        var manager = SignIn(CreateUser(Roles.StoreManager, stores: ["S-1"]));
        var directory = Services.GetRequiredService<ApiTokenDirectory>();
        var (created, _) = Wait(() => directory.CreateAsync(manager.UserId, "nightly export")); // 25 Nov 00:00 UTC
        Clock.Advance(TimeSpan.FromHours(1));
        Wait(() => directory.RevokeAsync(created.Id, manager.UserId, anyOwner: false));

        var cut = Render<Tokens>();

        var row = cut.WaitForElement($"[data-testid=token-row-{created.Id}]");
        Assert.Equal("25 Nov 2026 08:00:00 +08:00", row.QuerySelector("[data-testid=token-created]")!.GetAttribute("title"));
        Assert.Equal("25 Nov 2026 09:00:00 +08:00", row.QuerySelector("[data-testid=token-revoked]")!.GetAttribute("title"));
    }

    [Fact]
    public async Task A_token_named_with_a_card_number_is_refused_with_the_reason_and_not_created()
    {
        var snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        var cut = Render<Tokens>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API tokens.", cut.Markup));

        cut.Find("input[data-testid=token-name]").Input("card 4111 1111 1111 1111");
        cut.Find("[data-testid=create-token]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("holds a full card number", snackbars.Markup));
        Assert.Empty(cut.FindAll("[data-testid=new-token]"));
        Assert.Contains("You have no API tokens.", cut.Markup);
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TokenCreated, 0, 10);
        Assert.Empty(entries);
    }
}
