using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using UsersPage = FleetOps.Web.Components.Admin.Users;

namespace FleetOps.Components.Tests;

public sealed class AdminUserDialogTests : FleetComponentTest
{
    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task Inviting_a_user_shows_a_generated_password_once_that_signs_them_in()
    {
        AddStore("S-1");
        var popovers = Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();

        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change("new.person@fleetops.test");
        dialogs.Find("input[data-testid=user-name]").Change("New Person");
        AddStoreInDialog(popovers, dialogs, "S-1");
        dialogs.Find("[data-testid=user-save]").Click();

        var password = "";
        dialogs.WaitForAssertion(() => password = dialogs.Find("[data-testid=initial-password]").TextContent.Trim());
        Assert.Matches("^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$", password);
        Assert.Contains("will not be shown again", dialogs.Markup);
        var created = Users.Find("new.person@fleetops.test");
        Assert.Equal(Roles.StoreManager, created?.Role);
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FleetUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(created!.UserId))!, password));
        }
        dialogs.Find("[data-testid=user-done]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=initial-password]")));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='user-row-new.person@fleetops.test']")));
    }

    [Fact]
    public void A_store_managers_stores_are_added_by_typing_and_removed_by_their_chip()
    {
        AddStore("S-1");
        AddStore("S-2", region: "North");
        AddStore("S-3", region: "North");
        var popovers = Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change("scoped@fleetops.test");
        dialogs.Find("input[data-testid=user-name]").Change("Scoped Person");

        foreach (var code in new[] { "S-2", "S-3", "S-1" }) AddStoreInDialog(popovers, dialogs, code);
        dialogs.Find("[data-testid=user-store-S-1] + .mud-chip-close-button").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=user-store-S-1]")));
        dialogs.Find("[data-testid=user-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["S-2", "S-3"], Users.Find("scoped@fleetops.test")?.Stores.Order()));
    }

    [Fact]
    public async Task An_e_mail_already_taken_is_reported_in_the_dialog()
    {
        AddStore("S-1");
        var popovers = Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();

        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change(TestUsers.AdministratorEmail);
        dialogs.Find("input[data-testid=user-name]").Change("Impostor");
        AddStoreInDialog(popovers, dialogs, "S-1");
        dialogs.Find("[data-testid=user-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("already belongs to a user", dialogs.Find("[data-testid=user-errors]").TextContent));
        Assert.Empty(dialogs.FindAll("[data-testid=initial-password]"));
        Assert.Single(Users.Directory.All);
    }

    [Fact]
    public void A_typed_password_too_weak_is_refused_in_the_dialog_with_Identity_s_reason()
    {
        var dialogs = SubmitNewUserWithPassword("short");

        dialogs.WaitForAssertion(() => Assert.Contains("A password needs at least 10 characters.", dialogs.Find("[data-testid=user-errors]").TextContent));
        Assert.Null(Users.Find("weak@fleetops.test"));
    }

    [Fact]
    public async Task Disabling_a_user_asks_first_then_marks_them_disabled_and_audits_it()
    {
        await Users.CreateAsync(Roles.Technician, email: "tech@fleetops.test");
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();

        cut.WaitForElement("[data-testid='user-row-tech@fleetops.test'] [data-testid=disable-user]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Disable tech@fleetops.test?", dialogs.Markup));
        Button(dialogs, "Disable").Click();

        cut.WaitForAssertion(() => Assert.Equal("disabled",
            cut.Find("[data-testid='user-row-tech@fleetops.test'] [data-testid=user-status]").TextContent.Trim()));
        Assert.True(Users.Find("tech@fleetops.test")!.Disabled);
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.UserDisabled, 0, 10);
        var entry = Assert.Single(entries);
        Assert.Equal((TestUsers.AdministratorEmail, "tech@fleetops.test"), (entry.Actor, entry.Target));
    }

    [Fact]
    public void A_store_manager_without_a_store_is_marked_at_the_store_field_and_not_created_until_one_is_added()
    {
        AddStore("S-1");
        var popovers = Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change("no.store@fleetops.test");
        dialogs.Find("input[data-testid=user-name]").Change("No Store");

        dialogs.Find("[data-testid=user-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("A store manager needs at least one store.", dialogs.Find(".mud-input-control:has(input[data-testid=user-store-add])").TextContent));
        Assert.Empty(dialogs.FindAll("[data-testid=initial-password]"));
        Assert.Null(Users.Find("no.store@fleetops.test"));

        AddStoreInDialog(popovers, dialogs, "S-1");
        Assert.DoesNotContain("needs at least one store", dialogs.Markup);
        dialogs.Find("[data-testid=user-save]").Click();

        dialogs.WaitForElement("[data-testid=initial-password]");
        Assert.Equal(["S-1"], Users.Find("no.store@fleetops.test")?.Stores);
    }

    [Fact]
    public void In_Chinese_the_missing_store_reads_in_Chinese()
    {
        UseLanguage(Languages.Chinese);
        RenderPopoverProvider();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change("li.na@fleetops.test");
        dialogs.Find("input[data-testid=user-name]").Change("李娜");

        dialogs.Find("[data-testid=user-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("店长至少需要一家门店。", dialogs.Markup));
        Assert.Null(Users.Find("li.na@fleetops.test"));
    }

    [Theory]
    [InlineData("4111111111111111@fleetops.test", "Card Holder")]
    [InlineData("card.holder@fleetops.test", "Card 4111 1111 1111 1111")]
    [InlineData("bell@fleetops.test", "Ring\u0007")]
    public void A_user_with_a_card_number_or_control_character_is_refused_at_the_field_and_not_created(string email, string name)
    {
        RenderPopoverProvider();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();

        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change(email);
        dialogs.Find("input[data-testid=user-name]").Change(name);
        dialogs.Find("[data-testid=user-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Matches("card number|control character", dialogs.Markup));
        Assert.Empty(dialogs.FindAll("[data-testid=initial-password]"));
        Assert.Null(Users.Find(email));
        Assert.Single(Users.Directory.All);
    }

    [Fact]
    public async Task The_service_refuses_a_card_number_whichever_page_calls_it()
    {
        await using var scope = Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await administration.CreateAsync(new UserDraft("someone@fleetops.test", "4111-1111 4111111111111111", Roles.Technician, [], []),
            "Long-enough-password-1", "admin@fleetops.test");

        Assert.False(result.Succeeded);
        Assert.Contains("'Display name' holds a full card number", Assert.Single(result.Errors).Description);
        Assert.Null(Users.Find("someone@fleetops.test"));
    }

    [Fact]
    public void In_Chinese_Identity_s_reason_reads_in_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var dialogs = SubmitNewUserWithPassword("short");

        dialogs.WaitForAssertion(() => Assert.Contains("密码至少需要 10 个字符。", dialogs.Find("[data-testid=user-errors]").TextContent));
    }

    /// <summary>Adds a store to the dialog's scope as a person does: types its code and picks it from the list.</summary>
    private void AddStoreInDialog(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<MudDialogProvider> dialogs, string code)
    {
        var add = dialogs.Find("input[data-testid=user-store-add]");
        add.Focus();
        add.Input(code);
        // The box searches once typing pauses, on the app's clock.
        AdvanceUntil(popovers, () => Assert.Single(popovers.FindAll(".mud-list-item")), TimeSpan.FromMilliseconds(500));
        popovers.Find(".mud-list-item").Click();
        dialogs.WaitForElement($"[data-testid=user-store-{code}]");
    }

    /// <summary>Opens the users page's "new user" dialog, fills it in with <paramref name="password"/> typed, and saves.</summary>
    private IRenderedComponent<MudDialogProvider> SubmitNewUserWithPassword(string password)
    {
        AddStore("S-1");
        var popovers = Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=new-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-email]").Change("weak@fleetops.test");
        dialogs.Find("input[data-testid=user-name]").Change("Weak Password");
        AddStoreInDialog(popovers, dialogs, "S-1");
        dialogs.FindAll("input[type=radio]")[1].Click();
        dialogs.WaitForElement("input[data-testid=user-password]").Change(password);
        dialogs.Find("[data-testid=user-save]").Click();
        return dialogs;
    }
}

