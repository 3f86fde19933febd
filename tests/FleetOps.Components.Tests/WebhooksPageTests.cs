using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Alerts;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Notifications;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetOps.Components.Tests;

/// <summary>The administrators' webhook page: hidden from others, the API's rules on its form, the secret never shown, a test in the log, in both languages.</summary>
public sealed class WebhooksPageTests : FleetComponentTest
{
    public WebhooksPageTests()
    {
        Services.AddSingleton(Options.Create(new JsonOptions()));
        Services.AddSingleton<WebhookService>();
    }

    private WebhookService Webhooks => Services.GetRequiredService<WebhookService>();

    private Task<WebhookSubscription> AddRobotAsync() => Webhooks.CreateAsync(
        new WebhookDraft(new Uri("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key-1"), "shared-secret-1", WebhookPreset.WeCom,
            new HashSet<AlertKind> { AlertKind.Offline }, AlertSeverity.Critical), "admin@fleetops.test", null);

    [Fact]
    public void A_store_manager_sees_the_not_found_panel()
    {
        AddStore("S-1");
        SignInAsStoreManager("S-1");

        var cut = Render<Webhooks>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=not-found]")));
        Assert.Empty(cut.FindAll("[data-testid=webhook-form]"));
    }

    [Fact]
    public void A_url_that_is_not_http_is_refused_on_the_form_and_nothing_is_added()
    {
        var cut = Render<Webhooks>();

        cut.WaitForElement("input[data-testid=webhook-url]").Change("ftp://robots.example/hook");
        cut.Find("input[data-testid=webhook-secret]").Change("s");
        cut.Find("[data-testid=webhook-add]").Click();

        cut.WaitForAssertion(() => Assert.Contains("An absolute http:// or https:// address is needed.", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=webhook]"));
        Assert.Empty(Wait(() => Webhooks.ListAsync()));
    }

    [Fact]
    public async Task A_subscription_shows_without_its_secret_or_robot_key_and_a_test_appears_in_its_log()
    {
        await AddRobotAsync();

        var cut = Render<Webhooks>();
        cut.WaitForElement("[data-testid=webhook-test]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Waiting to send", cut.Find("[data-testid=webhook-log]").TextContent));
        var hook = cut.Find("[data-testid=webhook]");
        Assert.Contains("WeCom group robot", hook.TextContent);
        Assert.Contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***", hook.TextContent);
        Assert.Contains("Offline", hook.TextContent);
        Assert.DoesNotContain("robot-key-1", cut.Markup);
        Assert.DoesNotContain("shared-secret-1", cut.Markup);
    }

    [Fact]
    public async Task The_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        await AddRobotAsync();

        var cut = Render<Webhooks>();

        cut.WaitForAssertion(() => Assert.Contains("企业微信群机器人", cut.Find("[data-testid=webhook]").TextContent));
        Assert.Contains("添加 Webhook", cut.Markup);
        Assert.Contains("尚未发送。", cut.Find("[data-testid=webhook-log]").TextContent);
    }
}
