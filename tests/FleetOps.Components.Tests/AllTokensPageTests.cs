using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Account;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// Administrators see every person's API tokens and revoke one without its owner: the token stops at once, the audit log
/// names whose it was, and the owner's own tokens page says who revoked it — live, if it is open.
/// </summary>
public sealed class AllTokensPageTests : FleetComponentTest
{
    private ApiTokenDirectory Tokens => Services.GetRequiredService<ApiTokenDirectory>();

    public AllTokensPageTests() => AddStore("S-1");

    private (ApiTokenInfo Info, string Secret) Make(UserAccess owner, string name, int? days = 90) =>
        Wait(() => Tokens.CreateAsync(owner.UserId, name, days is { } d ? TimeSpan.FromDays(d) : null));

    private static string RowText(IRenderedComponent<ApiTokensPage> cut, ApiTokenInfo token) =>
        cut.Find($"[data-testid=all-token-row-{token.Id}]").TextContent;

    private static IReadOnlyList<string> ListedNames(IRenderedComponent<ApiTokensPage> cut) =>
        cut.FindAll("[data-testid^=all-token-row-]").Select(r => r.QuerySelector("td")!.FirstChild!.TextContent.Trim()).ToList();

    [Fact]
    public void Every_persons_valid_tokens_are_listed_with_their_owner_and_revoked_or_expired_ones_only_when_asked_for()
    {
        var manager = CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"], email: "tech@fleetops.test", displayName: "Tia Tech");
        var export = Make(manager, "nightly export").Info;
        var calendar = Make(technician, "calendar sync", 30).Info;
        var old = Make(technician, "old sync", 1).Info;
        var gone = Make(manager, "retired till").Info;
        Wait(() => Tokens.RevokeAsync(gone.Id, manager.UserId, anyOwner: false, manager.Email));
        Clock.Advance(TimeSpan.FromDays(2));
        SignInAsAdministrator();

        var cut = Render<ApiTokensPage>();

        cut.WaitForAssertion(() => Assert.Equal(["calendar sync", "nightly export"], ListedNames(cut).Order()));
        Assert.Contains("Sam Manager", RowText(cut, export));
        Assert.Contains("sm@fleetops.test", RowText(cut, export));
        Assert.Contains("Tia Tech", RowText(cut, calendar));
        Assert.Contains(calendar.Prefix + "…", RowText(cut, calendar));
        Assert.NotNull(cut.Find($"[data-testid=all-token-row-{calendar.Id}] [data-testid=revoke-any-token]"));

        var revoked = RenderAt<ApiTokensPage>("admin/tokens?status=revoked");
        revoked.WaitForAssertion(() => Assert.Equal(["retired till"], ListedNames(revoked)));
        Assert.Equal("revoked 2 d ago", revoked.Find("[data-testid=token-revoked]").TextContent.Trim());
        Assert.Empty(revoked.FindAll("[data-testid=token-revoked-by]")); // by its owner: no "by"
        Assert.Empty(revoked.FindAll("[data-testid=revoke-any-token]"));

        var expired = RenderAt<ApiTokensPage>("admin/tokens?status=expired");
        expired.WaitForAssertion(() => Assert.Equal(["old sync"], ListedNames(expired)));
        Assert.Equal("expired 1 d ago", expired.Find($"[data-testid=all-token-row-{old.Id}] [data-testid=token-expired]").TextContent.Trim());

        var all = RenderAt<ApiTokensPage>("admin/tokens?status=all");
        all.WaitForAssertion(() => Assert.Equal(4, ListedNames(all).Count));
    }

    [Fact]
    public void The_owner_and_search_filters_come_from_the_address_and_a_wrong_status_shows_the_default_view()
    {
        var manager = CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"], email: "tech@fleetops.test", displayName: "Tia Tech");
        Make(manager, "nightly export");
        Make(manager, "till integration", null);
        var calendar = Make(technician, "calendar sync").Info;
        SignInAsAdministrator();

        var mine = RenderAt<ApiTokensPage>("admin/tokens?owner=SM%40fleetops.test");
        mine.WaitForAssertion(() => Assert.Equal(["nightly export", "till integration"], ListedNames(mine).Order()));

        var byName = RenderAt<ApiTokensPage>("admin/tokens?search=tia");
        byName.WaitForAssertion(() => Assert.Equal(["calendar sync"], ListedNames(byName)));

        var byPrefix = RenderAt<ApiTokensPage>($"admin/tokens?search={Uri.EscapeDataString(calendar.Prefix + "…")}");
        byPrefix.WaitForAssertion(() => Assert.Equal(["calendar sync"], ListedNames(byPrefix)));

        var none = RenderAt<ApiTokensPage>("admin/tokens?owner=sm%40fleetops.test&search=calendar");
        none.WaitForAssertion(() => Assert.Equal("No token matches these filters.", none.Find("[data-testid=no-tokens]").TextContent.Trim()));

        var wrong = RenderAt<ApiTokensPage>("admin/tokens?status=everything");
        wrong.WaitForAssertion(() => Assert.Equal(3, ListedNames(wrong).Count));
    }

    [Fact]
    public async Task An_administrator_revokes_someone_elses_token_it_stops_at_once_and_the_owners_open_page_says_who_revoked_it()
    {
        var manager = SignIn(CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager"));
        var (leaked, secret) = Make(manager, "nightly export");
        var kept = Make(manager, "till integration").Info;
        var ownersPage = Render<Tokens>();
        ownersPage.WaitForAssertion(() => Assert.Equal("active", ownersPage.Find($"[data-testid=token-row-{leaked.Id}] [data-testid=token-active]").TextContent.Trim()));

        SignInAsAdministrator();
        var dialogs = Context.Render<MudDialogProvider>();
        var snackbars = Context.Render<MudSnackbarProvider>();
        var cut = Render<ApiTokensPage>();
        cut.WaitForElement($"[data-testid=all-token-row-{leaked.Id}] [data-testid=revoke-any-token]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke nightly export of Sam Manager?", dialogs.Markup));
        Assert.Contains("Sam Manager sees on their tokens page that you revoked it.", dialogs.Markup);
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Revoke").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("nightly export of Sam Manager is revoked.", snackbars.Markup));
        Assert.Null(Tokens.Find(secret));
        Assert.NotNull(Tokens.ById(kept.Id));
        cut.WaitForAssertion(() => Assert.Equal(["till integration"], ListedNames(cut)));
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TokenRevoked, 0, 10);
        var entry = Assert.Single(entries);
        Assert.Equal(("admin@fleetops.test", leaked.AuditTarget, "owner sm@fleetops.test"), (entry.Actor, entry.Target, entry.Details));

        // The owner's page, open all along, shows the revoke without a reload, and by whom.
        LetLiveRefreshFire();
        ownersPage.WaitForAssertion(() => Assert.Equal("revoked just now",
            ownersPage.Find($"[data-testid=token-row-{leaked.Id}] [data-testid=token-revoked]").TextContent.Trim()));
        Assert.Equal($"by {Users.Administrator.DisplayName}", ownersPage.Find($"[data-testid=token-row-{leaked.Id}] [data-testid=token-revoked-by]").TextContent.Trim());
        Assert.Empty(ownersPage.FindAll($"[data-testid=token-row-{leaked.Id}] [data-testid=revoke-token]"));
    }

    [Fact]
    public void A_disabled_owners_tokens_are_listed_as_held_and_the_users_page_counts_and_links_each_persons_tokens()
    {
        var manager = CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"], email: "tech@fleetops.test");
        Make(manager, "nightly export");
        Make(manager, "till integration", null);
        var sync = Make(technician, "calendar sync").Info;
        Wait(() => Users.SetDisabledAsync(technician, true));
        SignInAsAdministrator();

        var cut = RenderAt<ApiTokensPage>("admin/tokens?status=owner_disabled");
        cut.WaitForAssertion(() => Assert.Equal(["calendar sync"], ListedNames(cut)));
        Assert.Equal("owner disabled", cut.Find("[data-testid=token-owner-disabled]").TextContent.Trim());
        Assert.NotNull(cut.Find($"[data-testid=all-token-row-{sync.Id}] [data-testid=revoke-any-token]")); // it would work again if enabled

        var users = Render<Users>();
        var link = users.WaitForElement("[data-testid='user-row-sm@fleetops.test'] [data-testid=user-tokens]");
        Assert.Equal("2 API tokens", link.TextContent.Trim());
        Assert.EndsWith("admin/tokens?owner=sm%40fleetops.test", link.GetAttribute("href"));
        Assert.Equal("1 API token", users.Find("[data-testid='user-row-tech@fleetops.test'] [data-testid=user-tokens]").TextContent.Trim());
        Assert.Empty(users.FindAll("[data-testid='user-row-admin@fleetops.test'] [data-testid=user-tokens]"));
    }

    [Fact]
    public void A_token_just_made_and_revoked_by_an_administrator_no_longer_offers_its_secret_to_copy()
    {
        var manager = SignIn(CreateUser(Roles.StoreManager, stores: ["S-1"]));
        var page = Render<Tokens>();
        page.WaitForElement("input[data-testid=token-name]").Input("nightly export");
        page.Find("[data-testid=create-token]").Click();
        page.WaitForElement("[data-testid=new-token]");
        var made = Wait(() => Tokens.ForUserAsync(manager.UserId)).Single();

        Wait(() => Tokens.RevokeAsync(made.Id, manager.UserId, anyOwner: true, Users.Administrator.Email));
        LetLiveRefreshFire();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=new-token]")));
        Assert.NotNull(page.Find($"[data-testid=token-row-{made.Id}] [data-testid=token-revoked-by]"));
    }

    [Fact]
    public void A_non_administrator_finds_no_such_page()
    {
        var manager = SignInAsStoreManager("S-1");
        Make(manager, "nightly export");

        var cut = Render<ApiTokensPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindComponents<NotFoundPanel>()));
        Assert.DoesNotContain("nightly export", cut.Markup);
    }

    [Fact]
    public void The_page_its_revoke_and_the_audit_entry_read_in_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var manager = CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager");
        var token = Make(manager, "nightly export", 3).Info;
        SignInAsAdministrator();
        var dialogs = Context.Render<MudDialogProvider>();

        var cut = Render<ApiTokensPage>();

        cut.WaitForAssertion(() => Assert.Contains("全部 API 令牌", cut.Markup));
        Assert.Equal("3 天后到期", cut.Find("[data-testid=token-expires-soon]").TextContent.Trim());
        cut.Find("[data-testid=revoke-any-token]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("吊销 Sam Manager 的令牌 nightly export？", dialogs.Markup));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "吊销").Click();
        cut.WaitForAssertion(() => Assert.Contains("没有符合筛选条件的令牌。", cut.Markup));

        var revoked = RenderAt<ApiTokensPage>("admin/tokens?status=revoked");
        revoked.WaitForAssertion(() => Assert.Equal("已吊销（刚刚）",
            revoked.Find($"[data-testid=all-token-row-{token.Id}] [data-testid=token-revoked]").TextContent.Trim()));
        Assert.Equal($"由 {Users.Administrator.DisplayName} 吊销", revoked.Find($"[data-testid=all-token-row-{token.Id}] [data-testid=token-revoked-by]").TextContent.Trim());
        var audit = Render<Audit>();
        audit.WaitForAssertion(() => Assert.Contains("所有者 sm@fleetops.test", audit.Find("[data-testid=audit-table] tbody tr").TextContent));
    }

    [Fact]
    public void A_token_its_script_rotated_names_the_token_that_replaced_it_not_a_revoker_in_both_languages()
    {
        var manager = CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager");
        var old = Make(manager, "nightly export").Info;
        var (_, fresh, _) = Wait(() => Tokens.RotateAsync(old.Id, manager.Email))!.Value;
        SignInAsAdministrator();

        var cut = RenderAt<ApiTokensPage>("admin/tokens?status=revoked");

        cut.WaitForAssertion(() => Assert.Equal($"rotated: replaced by nightly export ({fresh.Prefix}…)",
            cut.Find($"[data-testid=all-token-row-{old.Id}] [data-testid=token-replaced-by]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=token-revoked-by]"));

        UseLanguage(Languages.Chinese);
        var chinese = RenderAt<ApiTokensPage>("admin/tokens?status=revoked");
        chinese.WaitForAssertion(() => Assert.Equal($"已轮换：由 nightly export ({fresh.Prefix}…) 替代",
            chinese.Find($"[data-testid=all-token-row-{old.Id}] [data-testid=token-replaced-by]").TextContent.Trim()));
    }

    [Fact]
    public void A_token_revoked_by_hand_names_no_successor()
    {
        var manager = CreateUser(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Manager");
        var token = Make(manager, "retired till").Info;
        Wait(() => Tokens.RevokeAsync(token.Id, manager.UserId, anyOwner: false, manager.Email));
        SignInAsAdministrator();

        var cut = RenderAt<ApiTokensPage>("admin/tokens?status=revoked");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=all-token-row-{token.Id}] [data-testid=token-revoked]")));
        Assert.Empty(cut.FindAll("[data-testid=token-replaced-by]"));
    }
}
