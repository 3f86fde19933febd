using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// <c>/api/v1/me/notifications</c> on a server without mail: a person reads and changes their own (audited), bad input is
/// a 400 naming the field, the bootstrap token is nobody's, and a test mail is refused while mail is off.
/// </summary>
[Collection(AlertClockCollection.Name)]
public sealed class MailSettingsApiTests(AlertClockApp app)
{
    [Theory]
    [InlineData(null, "", "warning", "enabled")]
    [InlineData(true, "offline,power_cut", "warning", "kinds")]
    [InlineData(true, "", "loud", "minSeverity")]
    [InlineData(true, "", null, "minSeverity")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_changes(bool? enabled, string kinds, string? minSeverity, string field)
    {
        var person = await app.CreateUserAsync(Roles.StoreManager);
        var before = (await app.AuditAsync(AuditActions.MailSubscriptionSaved)).Count;

        using var response = await app.PutMailAsync(person, new { enabled, kinds = kinds.Split(',', StringSplitOptions.RemoveEmptyEntries), minSeverity });

        await Expect.ValidationProblemAsync(response, field);
        Assert.Equal(before, (await app.AuditAsync(AuditActions.MailSubscriptionSaved)).Count);
    }

    [Fact]
    public async Task An_unknown_kind_is_named_in_the_400()
    {
        var person = await app.CreateUserAsync(Roles.StoreManager);

        using var response = await app.PutMailAsync(person, new { enabled = true, kinds = new[] { "offline", "nonsense", "Offline" }, minSeverity = "warning" });

        var problem = await Expect.ValidationProblemAsync(response, "kinds");
        Assert.EndsWith("unknown: 'nonsense', 'Offline'.", problem["errors"]!["kinds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_changes_their_own_notifications_and_the_change_is_audited()
    {
        var person = await app.CreateUserAsync(Roles.Technician);
        using var client = await app.ClientOfAsync(person);
        var fresh = await Expect.JsonObjectAsync(await client.GetAsync("/api/v1/me/notifications"));
        Assert.False(fresh["enabled"]!.GetValue<bool>());
        Assert.False(fresh["mailEnabled"]!.GetValue<bool>()); // this server has no FleetOps:Mail:Host
        Assert.Equal(person.Email, fresh["email"]!.GetValue<string>());

        using var saved = await client.PutAsJsonAsync("/api/v1/me/notifications", new { enabled = true, kinds = new[] { "battery_weak", "offline" }, minSeverity = "critical" });
        var read = await Expect.JsonObjectAsync(await client.GetAsync("/api/v1/me/notifications"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(read["enabled"]!.GetValue<bool>());
        Assert.Equal(["battery_weak", "offline"], read["kinds"]!.AsArray().Select(Expect.Wire).Order());
        Assert.Equal("critical", Expect.Wire(read["minSeverity"]));
        var audit = (await app.AuditAsync(AuditActions.MailSubscriptionSaved)).Last(a => a.Actor == person.Email);
        Assert.Equal("on; kinds: offline,battery_weak; min severity: critical", audit.Details); // kinds in the order of docs/api.md §5
    }

    [Fact]
    public async Task A_test_mail_is_refused_while_mail_is_off_and_the_bootstrap_token_has_no_notifications()
    {
        var person = await app.CreateUserAsync(Roles.StoreManager);
        using var client = await app.ClientOfAsync(person);
        using var admin = app.CreateAdminClient();

        using var test = await client.PostAsync("/api/v1/me/notifications/test", null);
        using var bootstrap = await admin.GetAsync("/api/v1/me/notifications");

        await Expect.ProblemAsync(test, HttpStatusCode.Conflict);
        await Expect.ProblemAsync(bootstrap, HttpStatusCode.Forbidden);
        Assert.Empty(await app.MailLogAsync(person));
    }
}
