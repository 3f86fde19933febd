using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Notifications;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary><c>/api/v1/webhooks</c>: administrators only, bad input is a 400 naming the field, the secret never comes back, changes are audited.</summary>
[Collection(AlertClockCollection.Name)]
public sealed class WebhookSubscriptionTests(AlertClockApp app)
{
    [Theory]
    [InlineData("ftp://robots.example/hook", "s", null, null, null, "url")]
    [InlineData("/relative/hook", "s", null, null, null, "url")]
    [InlineData("javascript:alert(1)", "s", null, null, null, "url")]
    [InlineData(null, "s", null, null, null, "url")]
    [InlineData("https://robots.example/hook", null, null, null, null, "secret")]
    [InlineData("https://robots.example/hook", "  ", null, null, null, "secret")]
    [InlineData("https://robots.example/hook", "s", "offline,power_cut", null, null, "kinds")]
    [InlineData("https://robots.example/hook", "s", null, "severe", null, "minSeverity")]
    [InlineData("https://robots.example/hook", "s", null, null, "slack", "preset")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_kept(string? url, string? secret, string? kinds, string? minSeverity, string? preset, string field)
    {
        using var admin = app.CreateAdminClient();
        var before = (await app.AuditAsync(AuditActions.WebhookCreated)).Count;

        using var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, secret, kinds = kinds?.Split(','), minSeverity, preset });

        await Expect.ValidationProblemAsync(response, field);
        Assert.Equal(before, (await app.AuditAsync(AuditActions.WebhookCreated)).Count);
    }

    [Fact]
    public async Task A_card_number_in_the_address_is_refused_for_that_reason_and_not_echoed()
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example/a?pan=4111111111111111", secret = "s" });

        var problem = await Expect.ValidationProblemAsync(response, "url");
        Assert.Contains("holds a full card number", Expect.Wire(problem["errors"]!["url"]![0]), StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_may_see_or_change_webhooks()
    {
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [await app.CreateStoreAsync(Ids.New("S"))]);
        var (_, token) = await app.CreateApiTokenAsync(manager);
        using var client = app.CreateTokenClient(token);

        using var list = await client.GetAsync("/api/v1/webhooks");
        using var create = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://robots.example/hook", secret = "s" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task The_list_never_shows_the_secret_nor_a_robot_key_and_removal_is_audited()
    {
        using var admin = app.CreateAdminClient();
        var id = await app.SubscribeAsync("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key-123", "shared-secret-456", "wecom", [], "critical");

        var listed = (await admin.GetStringAsync("/api/v1/webhooks"));
        Assert.Contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***", listed);
        Assert.DoesNotContain("robot-key-123", listed);
        Assert.DoesNotContain("shared-secret-456", listed);
        var created = (await app.AuditAsync(AuditActions.WebhookCreated)).Last();
        Assert.DoesNotContain("robot-key-123", created.Target + created.Details);
        Assert.DoesNotContain("shared-secret-456", created.Target + created.Details);

        using var deleted = await admin.DeleteAsync($"/api/v1/webhooks/{id}");
        using var again = await admin.DeleteAsync($"/api/v1/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Expect.ProblemAsync(again, HttpStatusCode.NotFound);
        Assert.DoesNotContain($"\"id\":{id},", await admin.GetStringAsync("/api/v1/webhooks"));
        Assert.Contains("wecom", (await app.AuditAsync(AuditActions.WebhookDeleted)).Last().Details);
    }

    [Theory]
    [InlineData("https://ops:pa55word@hooks.example/alert", "https://***@hooks.example/alert")]
    [InlineData("https://ops:pa55word@hooks.example:8443/alert?key=robot-key&lang=zh", "https://***@hooks.example:8443/alert?key=***&lang=***")]
    [InlineData("https://long-lived-token@hooks.example/alert", "https://***@hooks.example/alert")]
    [InlineData("https://hooks.example/alert", "https://hooks.example/alert")]
    [InlineData("http://127.0.0.1:5199/ok?key=abc", "http://127.0.0.1:5199/ok?key=***")]
    public void A_password_or_token_in_the_address_is_hidden_as_query_values_are(string url, string shown)
    {
        Assert.Equal(shown, WebhookSubscription.Mask(new Uri(url)));
    }

    [Fact]
    public async Task The_list_and_the_audit_never_show_a_password_in_the_address()
    {
        using var admin = app.CreateAdminClient();
        await app.SubscribeAsync("https://ops:pa55word-789@hooks.example/alert", "s", "generic", [], "critical");

        var listed = await admin.GetStringAsync("/api/v1/webhooks");

        Assert.Contains("https://***@hooks.example/alert", listed);
        Assert.DoesNotContain("pa55word-789", listed);
        var created = (await app.AuditAsync(AuditActions.WebhookCreated)).Last();
        Assert.DoesNotContain("pa55word-789", created.Target + created.Details);
    }
}
