using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Components.Layout;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using UsersPage = FleetOps.Web.Components.Admin.Users;

namespace FleetOps.Components.Tests;

public sealed class AdminPagesTests : FleetComponentTest
{
    [Fact]
    public void A_store_manager_opening_the_users_page_sees_the_not_found_panel_and_no_users()
    {
        AddStore("S-1");
        SignInAsStoreManager("S-1");

        var cut = Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Contains("No such page here.", cut.Find("[data-testid=not-found]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=user-table]"));
        Assert.DoesNotContain(TestUsers.AdministratorEmail, cut.Markup);
    }

    [Fact]
    public void A_regional_manager_opening_the_audit_page_sees_the_not_found_panel_and_no_entries()
    {
        SignInAsRegionalManager("East");

        var cut = Render<Audit>();

        cut.WaitForAssertion(() => Assert.Contains("No such page here.", cut.Find("[data-testid=not-found]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=audit-table]"));
        // The log holds the creation of this very user; none of it may show.
        Assert.DoesNotContain("User created", cut.Markup);
    }

    [Fact]
    public async Task An_administrator_sees_every_user_with_role_scope_and_status()
    {
        AddStore("S-1", region: "East");
        AddStore("S-2", region: "North");
        var manager = await Users.CreateAsync(Roles.StoreManager, stores: ["S-1", "S-2"], email: "sm@fleetops.test", displayName: "Sam Store");
        var regional = await Users.CreateAsync(Roles.RegionalManager, regions: ["North"], email: "rm@fleetops.test");
        await Users.SetDisabledAsync(regional, disabled: true);

        var cut = Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=user-table]")));
        var row = cut.Find("[data-testid='user-row-sm@fleetops.test']");
        Assert.Contains("Sam Store", row.TextContent);
        Assert.Contains("Store manager", row.TextContent);
        Assert.Contains("S-1, S-2", row.TextContent);
        Assert.Equal("active", row.QuerySelector("[data-testid=user-status]")!.TextContent.Trim());
        var disabled = cut.Find("[data-testid='user-row-rm@fleetops.test']");
        Assert.Contains("Regional manager", disabled.TextContent);
        Assert.Contains("North", disabled.TextContent);
        Assert.Equal("disabled", disabled.QuerySelector("[data-testid=user-status]")!.TextContent.Trim());
        Assert.NotNull(disabled.QuerySelector("[data-testid=enable-user]"));
        // Administrators cannot disable themselves: no disable button on their own row.
        Assert.Null(cut.Find($"[data-testid='user-row-{TestUsers.AdministratorEmail}']").QuerySelector("[data-testid=disable-user]"));
        Assert.Equal(manager.UserId, Users.Find("sm@fleetops.test")!.UserId);
    }

    [Fact]
    public async Task On_a_phone_a_user_is_shown_by_name_with_the_email_under_it_kept_whole_and_the_actions_as_icons()
    {
        AddStore("S-1");
        await Users.CreateAsync(Roles.StoreManager, stores: ["S-1"], email: "sm@fleetops.test", displayName: "Sam Store");
        var regional = await Users.CreateAsync(Roles.RegionalManager, regions: ["North"], email: "regional.manager.north@fleetops.test", displayName: "Rita North");
        await Users.SetDisabledAsync(regional, disabled: true);

        var cut = Render<UsersPage>();

        // A phone hides the fo-col-sm columns (app.css) and shows the fo-below-sm parts in their place.
        var row = cut.WaitForElement("[data-testid='user-row-sm@fleetops.test']");
        var person = row.QuerySelector("td:first-child")!;
        var name = person.QuerySelector("[data-testid=user-name-phone]")!;
        Assert.Equal("Sam Store", name.TextContent.Trim());
        Assert.Contains("fo-below-sm", name.ClassList);
        // A short address is one unbreakable piece: no "overflow-wrap: anywhere" to squeeze it to a few letters a line.
        var email = person.QuerySelector("[data-testid=user-email]")!;
        Assert.Equal("sm@fleetops.test", email.TextContent.Trim());
        Assert.Equal(["sm@fleetops.test"], email.QuerySelectorAll("span.nowrap").Select(s => s.TextContent));
        Assert.Empty(email.QuerySelectorAll("wbr"));
        Assert.DoesNotContain("anywhere", person.GetAttribute("style") ?? "");
        Assert.Equal("fo-col-sm", row.QuerySelector("[data-testid=edit-user]")!.ClassList.Single(c => c.StartsWith("fo-")));
        Assert.Contains("fo-below-sm", row.QuerySelector("[data-testid=edit-user-phone]")!.ClassList);
        Assert.Contains("fo-below-sm", row.QuerySelector("[data-testid=disable-user-phone]")!.ClassList);

        // A long one may wrap before its '@' and its dots only.
        var disabled = cut.Find("[data-testid='user-row-regional.manager.north@fleetops.test']");
        Assert.Equal(["regional", ".manager", ".north", "@fleetops", ".test"],
            disabled.QuerySelectorAll("[data-testid=user-email] span.nowrap").Select(s => s.TextContent));
        Assert.Equal("Rita North", disabled.QuerySelector("[data-testid=user-name-phone]")!.TextContent.Trim());
        Assert.Equal("disabled", disabled.QuerySelector("[data-testid=user-status-phone]")!.TextContent.Trim());
        Assert.NotNull(disabled.QuerySelector("[data-testid=enable-user-phone]"));
        // Active people say so too on a phone; the scope under the role is a line of its own that breaks between words only.
        Assert.Equal("active", row.QuerySelector("[data-testid=user-status-phone]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector(".fo-below-sm [data-testid=user-status-phone]"));
        Assert.Superset(new HashSet<string> { "fo-keep-words", "d-block", "fo-below-lg" }, row.QuerySelector("[data-testid=user-scope]")!.ClassList.ToHashSet());
    }

    [Fact]
    public async Task The_audit_log_reads_in_Chinese_while_peoples_words_stay_as_written()
    {
        var audit = Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync("tech@fleetops.test", AuditActions.WorkOrderWaiting, "work order 5", "waiting: parts on order", "10.1.2.3");
        await audit.RecordAsync("sm@fleetops.test", AuditActions.AlertAcknowledged, "T-1", "power at the back office", "10.1.2.4");
        UseLanguage(Languages.Chinese);

        var cut = Render<Audit>();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=audit-table] tbody tr").Count >= 2));
        var rows = cut.FindAll("[data-testid=audit-table] tbody tr"); // newest first
        Assert.Contains("power at the back office", rows[0].TextContent);
        Assert.Contains("工单 5", rows[1].TextContent);
        Assert.Contains("等待中：parts on order", rows[1].TextContent);
        Assert.DoesNotContain("work order", rows[1].TextContent);
    }

    [Fact]
    public async Task An_administrator_sees_the_audit_log_newest_first_with_readable_actions()
    {
        await Users.CreateAsync(Roles.Technician, email: "tech@fleetops.test");
        var audit = Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync("someone@fleetops.test", AuditActions.SignInFailed, "someone@fleetops.test", "wrong password", "10.1.2.3");

        var cut = Render<Audit>();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=audit-table] tbody tr").Count >= 2));
        var rows = cut.FindAll("[data-testid=audit-table] tbody tr");
        Assert.Contains("Sign-in failed", rows[0].TextContent);
        Assert.Contains("10.1.2.3", rows[0].TextContent);
        Assert.Contains("mud-chip-color-error", rows[0].QuerySelector("[data-action]")!.ClassName);
        Assert.Contains("User created", rows[1].TextContent);
        Assert.Contains("tech@fleetops.test", rows[1].TextContent);
        // Read-only: nothing on the page edits or deletes an entry.
        Assert.Empty(cut.FindAll("[data-testid=audit-table] tbody button"));
    }

    [Fact]
    public async Task The_audit_page_opens_on_the_action_and_page_of_its_link_and_keeps_a_new_search_in_the_address()
    {
        var audit = Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 30; i++) await audit.RecordAsync($"user{i:00}@fleetops.test", AuditActions.SignInFailed, null, "wrong password", "10.1.2.3");
        await audit.RecordAsync("other@fleetops.test", AuditActions.SignIn, null, null, "10.1.2.4");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        // Failed sign-ins only, 25 a page, newest first: page 2 holds the five oldest.
        var cut = RenderAt<Audit>("admin/audit?action=" + AuditActions.SignInFailed + "&page=2&pageSize=25");

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=audit-table] tbody tr").Count));
        Assert.Contains("user00@fleetops.test", cut.Find("[data-testid=audit-table] tbody tr:last-child").TextContent);

        cut.Find("input[data-testid=audit-search]").Input("user07");
        // The search box waits for typing to pause.
        AdvanceUntil(cut, () => Assert.Single(cut.FindAll("[data-testid=audit-table] tbody tr")), TimeSpan.FromMilliseconds(500));
        Assert.Contains("search=user07", navigation.Uri);
        Assert.DoesNotContain("page=2", navigation.Uri);
    }

    [Fact]
    public async Task The_users_page_opens_on_the_role_of_its_link_and_keeps_a_new_filter_in_the_address()
    {
        await Users.CreateAsync(Roles.Technician, email: "tech@fleetops.test");
        await Users.CreateAsync(Roles.StoreManager, email: "sm@fleetops.test");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        var cut = RenderAt<UsersPage>("admin/users?role=Technician");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='user-row-tech@fleetops.test']")));
        Assert.Empty(cut.FindAll("[data-testid='user-row-sm@fleetops.test']"));

        cut.Find("input[data-testid=user-search]").Input("nobody");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='user-row-tech@fleetops.test']")));
        Assert.Contains("search=nobody", navigation.Uri);
        Assert.Contains("role=Technician", navigation.Uri);
    }

    [Fact]
    public void The_menu_offers_administration_to_administrators_only()
    {
        var admin = Render<NavMenu>();
        admin.WaitForAssertion(() => Assert.NotNull(admin.Find("[data-testid=nav-users]")));
        Assert.NotNull(admin.Find("[data-testid=nav-audit]"));
        Assert.NotNull(admin.Find("[data-testid=nav-webhooks]"));

        SignInAsStoreManager("S-1");
        var manager = Render<NavMenu>();
        manager.WaitForAssertion(() => Assert.Contains("Stores", manager.Markup));
        Assert.Empty(manager.FindAll("[data-testid=nav-users]"));
        Assert.Empty(manager.FindAll("[data-testid=nav-webhooks]"));
        Assert.DoesNotContain("Administration", manager.Markup);
    }
}
