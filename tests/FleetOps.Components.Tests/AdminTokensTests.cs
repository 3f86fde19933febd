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
        var (created, _) = Wait(() => directory.CreateAsync(manager.UserId, "nightly export", null)); // 25 Nov 00:00 UTC
        Clock.Advance(TimeSpan.FromHours(1));
        Wait(() => directory.RevokeAsync(created.Id, manager.UserId, anyOwner: false, manager.Email));

        var cut = Render<Tokens>();

        var row = cut.WaitForElement($"[data-testid=token-row-{created.Id}]");
        Assert.Equal("25 Nov 2026 08:00:00 +08:00", row.QuerySelector("[data-testid=token-created]")!.GetAttribute("title"));
        Assert.Equal("25 Nov 2026 09:00:00 +08:00", row.QuerySelector("[data-testid=token-revoked]")!.GetAttribute("title"));
        Assert.Equal("–", row.QuerySelector("[data-testid=token-expires]")!.TextContent.Trim()); // revoked: its expiry no longer matters
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

    [Fact]
    public async Task A_new_token_lasts_90_days_unless_chosen_otherwise_and_says_when_it_stops_working()
    {
        AddStore("S-1"); // Shanghai, UTC+8
        SignIn(CreateUser(Roles.StoreManager, stores: ["S-1"]));
        var cut = Render<Tokens>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API tokens.", cut.Markup));

        cut.Find("input[data-testid=token-name]").Input("nightly export");
        cut.Find("[data-testid=create-token]").Click();

        // 25 Nov 2026 00:00 UTC + 90 days, on the store's clock.
        cut.WaitForAssertion(() => Assert.Equal("It stops working at 23 Feb 2027 08:00:00 +08:00.",
            cut.Find("[data-testid=new-token-expiry]").TextContent.Trim()));
        var row = cut.Find("[data-testid=token-table] tbody tr");
        Assert.Equal("23 Feb 2027", row.QuerySelector("[data-testid=token-expires]")!.TextContent.Trim());
        Assert.Equal("23 Feb 2027 08:00:00 +08:00", row.QuerySelector("[data-testid=token-expires]")!.GetAttribute("title"));
        Assert.Equal("active", row.QuerySelector("[data-testid=token-status] .mud-chip")!.TextContent.Trim());
        Assert.Equal("expires 23 Feb 2027", row.QuerySelector("[data-testid=token-expires-phone]")!.TextContent.Trim());
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TokenCreated, 0, 10);
        Assert.Equal("expires 2027-02-23 00:00 UTC", Assert.Single(entries).Details);
    }

    [Fact]
    public async Task A_token_without_expiry_is_chosen_under_a_warning_and_listed_as_never_expiring()
    {
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<Tokens>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API tokens.", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=no-expiry-warning]"));

        cut.Find("[data-testid=token-lifetime]").Closest(".mud-select")!.MouseDown();
        popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "No expiry").Click();
        cut.WaitForAssertion(() => Assert.Contains("works until it is revoked", cut.Find("[data-testid=no-expiry-warning]").TextContent));
        cut.Find("input[data-testid=token-name]").Input("till integration");
        cut.Find("[data-testid=create-token]").Click();

        cut.WaitForAssertion(() => Assert.Equal("It never expires: it works until you revoke it.",
            cut.Find("[data-testid=new-token-expiry]").TextContent.Trim()));
        Assert.Equal("never", cut.Find("[data-testid=token-table] tbody tr [data-testid=token-expires]").TextContent.Trim());
        Assert.Equal("No expiry", cut.Find("[data-testid=token-table] tbody tr [data-testid=token-expires-phone]").TextContent.Trim());
        var (entries, _) = await Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.TokenCreated, 0, 10);
        Assert.Equal("no expiry", Assert.Single(entries).Details);
    }

    [Fact]
    public void A_token_is_marked_a_week_before_it_expires_and_once_expired_has_nothing_left_to_revoke()
    {
        var manager = SignIn(CreateUser(Roles.Technician));
        var directory = Services.GetRequiredService<ApiTokenDirectory>();
        var (created, _) = Wait(() => directory.CreateAsync(manager.UserId, "calendar sync", TimeSpan.FromDays(30)));

        Clock.Advance(TimeSpan.FromDays(22));
        var early = Render<Tokens>();
        var row = early.WaitForElement($"[data-testid=token-row-{created.Id}]");
        Assert.Equal("active", row.QuerySelector("[data-testid=token-status] .mud-chip")!.TextContent.Trim());

        Clock.Advance(TimeSpan.FromDays(3));
        var soon = Render<Tokens>();
        row = soon.WaitForElement($"[data-testid=token-row-{created.Id}]");
        Assert.Equal("expires in 5 d", row.QuerySelector("[data-testid=token-expires-soon]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-testid=revoke-token]"));

        Clock.Advance(TimeSpan.FromDays(6));
        var expired = Render<Tokens>();
        row = expired.WaitForElement($"[data-testid=token-row-{created.Id}]");
        Assert.Equal("expired 1 d ago", row.QuerySelector("[data-testid=token-expired]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("[data-testid=revoke-token]"));
    }

    [Fact]
    public async Task The_tokens_expiry_reads_in_Chinese_on_the_page_and_in_the_audit_log()
    {
        UseLanguage(Languages.Chinese);
        var manager = SignIn(CreateUser(Roles.Technician));
        var directory = Services.GetRequiredService<ApiTokenDirectory>();
        var (created, _) = Wait(() => directory.CreateAsync(manager.UserId, "calendar sync", TimeSpan.FromDays(30)));
        await Services.GetRequiredService<AuditLog>().RecordAsync("tech@fleetops.test", AuditActions.TokenCreated, "calendar sync (fo_abc…)",
            "expires 2026-12-25 00:00 UTC", null);
        Clock.Advance(TimeSpan.FromDays(27));

        var cut = Render<Tokens>();

        var row = cut.WaitForElement($"[data-testid=token-row-{created.Id}]");
        Assert.Equal("3 天后到期", row.QuerySelector("[data-testid=token-expires-soon]")!.TextContent.Trim());
        Assert.Equal("2026/12/25", row.QuerySelector("[data-testid=token-expires]")!.TextContent.Trim());
        Assert.Contains("有效期", cut.Find("[data-testid=token-lifetime]").Closest(".mud-select")!.TextContent);
        SignInAsAdministrator();
        var audit = Render<FleetOps.Web.Components.Admin.Audit>();
        audit.WaitForAssertion(() => Assert.Contains("2026-12-25 00:00 UTC 到期", audit.Find("[data-testid=audit-table] tbody tr").TextContent));
    }

    [Fact]
    public async Task The_page_tells_how_a_script_rotates_its_token_and_the_audit_log_reads_a_rotation_in_Chinese()
    {
        UseLanguage(Languages.Chinese);
        SignIn(CreateUser(Roles.Technician));
        await Services.GetRequiredService<AuditLog>().RecordAsync("tech@fleetops.test", AuditActions.TokenRotated, "离线 sync (fo_new…)",
            "replaces 离线 sync (fo_old…); expires 2027-01-05 00:00 UTC", null);

        var cut = Render<Tokens>();

        var hint = cut.WaitForElement("[data-testid=token-rotate-hint]");
        Assert.StartsWith("脚本可以在令牌到期前自行更换", hint.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("api/v1/tokens/current/rotate", hint.NextElementSibling!.TextContent, StringComparison.Ordinal);
        SignInAsAdministrator();
        var audit = Render<FleetOps.Web.Components.Admin.Audit>();
        audit.WaitForAssertion(() =>
        {
            var row = audit.Find("[data-testid=audit-table] tbody tr").TextContent;
            Assert.Contains("轮换 API 令牌", row, StringComparison.Ordinal);
            Assert.Contains("离线 sync (fo_new…)", row, StringComparison.Ordinal); // a name someone chose stands as written
            Assert.Contains("替换 离线 sync (fo_old…)；2027-01-05 00:00 UTC 到期", row, StringComparison.Ordinal);
        });
    }
}
