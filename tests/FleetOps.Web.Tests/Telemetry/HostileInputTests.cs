using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>
/// Issue 8 over HTTP: disguised card numbers in any field, text that cannot be stored, amounts that could wrap a total
/// and events too old to be recognised again are that event's rejection — never a 500, never stored.
/// </summary>
public sealed class HostileInputTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static string Dashed(string pan) => string.Join("-", pan.Chunk(4).Select(c => new string(c)));

    private static string FullWidth(string pan) => string.Concat(pan.Select(c => (char)('\uFF10' + (c - '0'))));

    public static TheoryData<string, string> DisguisedFields => new()
    {
        { "id", "dashes" },
        { "bootId", "dots" },
        { "appVersion", "no-break spaces" },
        { "transactionId", "dashes" },
        { "note", "full-width digits" },
        { "extra.emv.track2", "inside a longer digit run" },
    };

    private static string Disguise(string pan, string how) => how switch
    {
        "dashes" => Dashed(pan),
        "dots" => Dashed(pan).Replace('-', '.'),
        "no-break spaces" => Dashed(pan).Replace('-', '\u00A0'),
        "full-width digits" => FullWidth(pan),
        _ => "20261130" + pan + "0042",
    };

    [Theory]
    [MemberData(nameof(DisguisedFields))]
    public async Task Disguised_card_number_in_a_field_rejects_the_event_and_nothing_of_it_is_stored(string field, string how)
    {
        var pan = CardNumber();
        var disguised = Disguise(pan, how);
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var suspect = field is "bootId" or "appVersion" ? Heartbeat("hb-bad", now.AddSeconds(-1)) : Transaction("tx-bad", now.AddSeconds(-1));
        if (field == "extra.emv.track2") suspect["extra"] = new JsonObject { ["emv"] = new JsonObject { ["track2"] = disguised } };
        else suspect[field] = disguised;

        using var response = await app.PostTelemetryAsync(key, terminal, Heartbeat("hb-ok", now.AddSeconds(-2)), suspect);

        var text = await response.Content.ReadAsStringAsync();
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Contains("full card number", Expect.Wire(rejected["error"]));
        Assert.DoesNotContain(disguised, text, StringComparison.Ordinal);
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
        Assert.Equal(0, await app.CountAsync("Transactions", terminal));
        Assert.Empty(await app.FindTextAsync(disguised));
        Assert.Empty(LogFiles.Containing(disguised));
    }

    [Theory]
    [InlineData("\"note\":\"\\ud800\"", "not valid Unicode")]
    [InlineData("\"\\ud800\":1", "not valid Unicode")]
    [InlineData("\"bootId\":\"b\\u0000\"", "control character")]
    [InlineData("\"nested\":{\"a\":[\"\\u0000\"]}", "control character")]
    public async Task Text_that_cannot_be_stored_rejects_the_event_not_the_request(string member, string reason)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var bad = Power("p-bad", now.AddSeconds(-1)).ToJsonString();
        var body = $"{{\"terminalId\":\"{terminal}\",\"events\":[{Heartbeat("hb-ok", now.AddSeconds(-2)).ToJsonString()},{{{member},{bad[1..]}]}}";

        var answer = await Expect.JsonObjectAsync(await PostAsync(key, body, HttpStatusCode.OK));

        Assert.Equal(1, answer["accepted"]!.GetValue<int>());
        Assert.Contains(reason, Expect.Wire(Assert.Single(answer["rejected"]!.AsArray())!["error"]));
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Body_that_is_not_valid_utf8_is_400()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var power = Power("p-1", DateTimeOffset.UtcNow.AddSeconds(-1));
        power["note"] = "XX";
        var json = Batch(terminal, [power]);
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await app.PostTelemetryAsync(key, content);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON/UTF-8", Expect.Wire(problem["detail"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Theory]
    [InlineData("terminalId")]
    [InlineData("events")]
    public async Task A_field_of_the_body_given_twice_is_400_and_nothing_is_stored(string field)
    {
        // The last value won: {"events":[a],"events":[b]} stored b while anything that read the first saw a.
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var sale = Transaction("tx-1", now.AddSeconds(-1)).ToJsonString();
        var power = Power("p-1", now.AddSeconds(-2)).ToJsonString();
        var body = field == "terminalId"
            ? $"{{\"terminalId\":\"T-elsewhere\",\"terminalId\":\"{terminal}\",\"events\":[{sale}]}}"
            : $"{{\"terminalId\":\"{terminal}\",\"events\":[{power}],\"events\":[{sale}]}}";

        using var response = await app.PostTelemetryAsync(key, body);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal($"'{field}' is given twice in the body; give each field once.", Expect.Wire(problem["detail"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
        Assert.Equal(0, await app.CountAsync("Transactions", terminal));
    }

    [Theory]
    [InlineData("\"id\":\"tx-0\",", "'id' is given twice in the event")]
    [InlineData("\"maskedPan\":\"411111******1112\",", "'maskedPan' is given twice in the event")]
    [InlineData("\"extra\":{\"lane\":1,\"lane\":2},", "'lane' is given twice in 'extra'")]
    public async Task A_field_of_an_event_given_twice_rejects_that_event_and_the_others_are_stored(string repeated, string reason)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var sale = Transaction("tx-1", now.AddSeconds(-1)).ToJsonString();
        var body = $"{{\"terminalId\":\"{terminal}\",\"events\":[{Power("p-1", now.AddSeconds(-2)).ToJsonString()},{{{repeated}{sale[1..]}]}}";

        var answer = await Expect.JsonObjectAsync(await PostAsync(key, body, HttpStatusCode.OK));

        Assert.Equal(1, answer["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(answer["rejected"]!.AsArray())!;
        Assert.Equal(1, rejected["index"]!.GetValue<int>());
        Assert.Equal($"{reason}; give each field once.", Expect.Wire(rejected["error"]));
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
        Assert.Equal(0, await app.CountAsync("Transactions", terminal));
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData("application/x-www-form-urlencoded", "zh-CN")]
    public async Task A_body_sent_as_another_content_type_is_415_saying_what_to_send_and_nothing_is_stored(string type, string? language)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Batch(terminal, [Power("p-1", DateTimeOffset.UtcNow.AddSeconds(-1))])));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await app.CreateClient().SendAsync(request);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(language is null
            ? "This endpoint does not read a body of this Content-Type; the API reference (/api/reference) lists what each endpoint accepts — JSON as 'application/json'."
            : "此端点不读取这种 Content-Type 的正文；API 参考（/api/reference）列出了每个端点接受的类型——JSON 请用“application/json”。",
            Expect.Wire(problem["detail"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task A_body_behind_a_byte_order_mark_is_read_and_one_nested_too_deep_is_400_saying_so()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var json = Encoding.UTF8.GetBytes(Batch(terminal, [Power("p-1", DateTimeOffset.UtcNow.AddSeconds(-1))]));
        var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. json]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var answer = await Expect.JsonObjectAsync(await app.PostTelemetryAsync(key, content));

        Assert.Equal(1, answer["accepted"]!.GetValue<int>());
        var deep = Power("p-2", DateTimeOffset.UtcNow.AddSeconds(-1));
        deep["extra"] = JsonNode.Parse(new string('[', 40) + new string(']', 40));
        var problem = await Expect.ProblemAsync(await app.PostTelemetryAsync(key, terminal, deep), HttpStatusCode.BadRequest);
        Assert.Contains("more than 16 levels deep", Expect.Wire(problem["detail"]));
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Nul_in_the_terminal_id_is_400()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var body = Batch(terminal, [Power("p-1", DateTimeOffset.UtcNow)]).Replace($"\"{terminal}\"", $"\"{terminal}\\u0000\"", StringComparison.Ordinal);

        using var response = await PostAsync(key, body, HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Amount_above_ten_to_the_twelfth_is_rejected_with_the_reason()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        var body = await app.PostAcceptedAsync(key, terminal, Transaction("tx-1", DateTimeOffset.UtcNow.AddSeconds(-1), amountMinor: 1_000_000_000_001));

        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        Assert.Contains("10^12", Expect.Wire(Assert.Single(body["rejected"]!.AsArray())!["error"]));
        Assert.Equal(0, await app.CountAsync("Transactions", terminal));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "maximum event age")]
    [InlineData(null, "heartbeat retention window")]
    public async Task Event_too_old_to_be_recognised_again_is_rejected(string? at, string reason)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var heartbeat = Heartbeat("hb-old", DateTimeOffset.UtcNow.AddDays(-8));
        if (at is not null) heartbeat["at"] = at;

        var body = await app.PostAcceptedAsync(key, terminal, heartbeat);

        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        Assert.Contains(reason, Expect.Wire(Assert.Single(body["rejected"]!.AsArray())!["error"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    private async Task<HttpResponseMessage> PostAsync(string key, string body, HttpStatusCode expected)
    {
        var response = await app.PostTelemetryAsync(key, body);
        await Expect.StatusAsync(response, expected);
        return response;
    }
}
