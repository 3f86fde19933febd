using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>The group-robot presets: WeCom's and DingTalk's text message, DingTalk's signed URL, and a robot's refusal in the log.</summary>
[Collection(AlertClockCollection.Name)]
public sealed class WebhookPresetTests(AlertClockApp app) : WebhookReceiverTest(app)
{
    private const string Secret = "SEC0123456789abcdef";

    private static string Content(ReceivedWebhook r)
    {
        Assert.Equal("text", r.Json["msgtype"]!.GetValue<string>());
        return r.Json["text"]!["content"]!.GetValue<string>();
    }

    [Fact]
    public async Task DingTalk_test_message_goes_to_the_signed_robot_url_as_text()
    {
        // A kind nothing raises yet: only the test message reaches this robot.
        var (hook, path) = await SubscribeAsync(Secret, "dingtalk", "?access_token=robot-token", ["training_overdue"]);
        using var admin = App.CreateAdminClient();
        using var queued = await admin.PostAsync($"/api/v1/webhooks/{hook}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var deliveryId = (await Expect.JsonObjectAsync(queued))["deliveryId"]!.GetValue<string>();
        await App.SendDueAsync();

        var message = Assert.Single(Receiver.At(path));
        Assert.Equal(deliveryId, message.DeliveryId);
        Assert.Contains("测试", Content(message));
        Assert.Contains("test", Content(message), StringComparison.OrdinalIgnoreCase);
        var query = HttpUtility.ParseQueryString(message.Query);
        Assert.Equal("robot-token", query["access_token"]);
        var timestamp = long.Parse(query["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(App.Now().ToUnixTimeMilliseconds(), timestamp);
        // DingTalk's own check: base64 HMAC-SHA256 of "timestamp\nsecret", keyed with the secret.
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}\n{Secret}")));
        Assert.Equal(expected, query["sign"]);
        Assert.Equal("delivered", Expect.Wire(Assert.Single(await App.DeliveriesAsync(hook))!["status"]));
    }

    [Fact]
    public async Task WeCom_gets_one_readable_line_in_Chinese_and_English_and_its_refusal_is_logged_and_retried()
    {
        var (hook, path) = await SubscribeAsync(Secret, "wecom", "?key=robot-key", ["offline"]);
        var store = await App.CreateStoreAsync(Ids.New("S"));
        Receiver.AnswerNext(200, """{"errcode":93000,"errmsg":"invalid webhook url"}""", r => Content(r).Contains(store, StringComparison.Ordinal));
        var (_, terminal, _) = await App.OfflineTerminalAsync(store);
        await App.SendDueAsync();

        var message = Assert.Single(Receiver.At(path), r => Content(r).Contains(terminal, StringComparison.Ordinal));
        var line = Content(message);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("警告 Warning", line);
        Assert.Contains("离线 Offline", line);
        Assert.Contains("+08:00", line); // the store's own time (Asia/Shanghai)
        var log = Assert.Single(await App.DeliveriesOfAsync(hook, await App.AlertIdAsync(store)));
        Assert.Equal("pending", Expect.Wire(log["status"]));
        Assert.Contains("93000", Expect.Wire(log["lastError"]));
    }
}
