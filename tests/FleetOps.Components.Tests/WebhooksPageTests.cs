using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Alerts;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Notifications;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

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
    public async Task Removing_asks_first_naming_the_masked_address_and_a_cancel_keeps_the_webhook()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        await AddRobotAsync();
        var cut = Render<Webhooks>();

        cut.WaitForElement("[data-testid=webhook-remove]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Remove the webhook to https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***?", dialogs.Markup));
        Assert.Contains("Its secret cannot be shown again", dialogs.Markup);
        Assert.DoesNotContain("robot-key-1", dialogs.Markup);
        Assert.Single(Wait(() => Webhooks.ListAsync())); // nothing removed while asking
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Single(Wait(() => Webhooks.ListAsync()));

        cut.Find("[data-testid=webhook-remove]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove the webhook to", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=webhook]")));
        Assert.Empty(Wait(() => Webhooks.ListAsync()));
    }

    [Theory]
    [InlineData("NameResolutionError: Name or service not known (nonexistent.invalid:443)", "找不到该主机，请检查地址。")]
    [InlineData("ConnectionError: Connection refused (127.0.0.1:9)", "无法连接：接收方拒绝连接或无法访问。")]
    [InlineData("No answer within 10 s", "超时：接收方未及时应答。")]
    [InlineData("HTTP 502", "接收方返回 HTTP 状态码 502。")]
    [InlineData("SecureConnectionError: The SSL connection could not be established", "安全连接（TLS）失败，请检查接收方的证书。")]
    public void A_failed_delivery_says_its_cause_in_Chinese_and_keeps_the_technical_text_beside_it(string error, string cause)
    {
        UseLanguage(Languages.Chinese);
        var now = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var delivery = new WebhookDeliveryDto(Guid.NewGuid(), WebhookMessage.Test, null, WebhookDeliveryStatus.Pending, 1, now, now, now.AddMinutes(1), error);

        var cut = Render<DeliveryLog>(p => p.Add(x => x.Items, [delivery]).Add(x => x.Now, now));

        Assert.Equal(cause, cut.Find("[data-testid=delivery-cause]").TextContent.Trim());
        Assert.Equal(error, cut.Find("[data-testid=delivery-cause]").GetAttribute("title"));
        Assert.Equal(error, cut.Find("[data-testid=delivery-error]").TextContent.Trim());
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
        Assert.Equal("最低严重程度：严重", cut.Find("[data-testid=webhook-severity-line]").TextContent.Trim());
    }
}
