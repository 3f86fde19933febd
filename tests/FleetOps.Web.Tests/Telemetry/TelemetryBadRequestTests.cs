using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>
/// Whole-request errors of POST /api/v1/telemetry: 400 or 413 with application/problem+json, and nothing stored.
/// The tests of this class run one after another, so "no new rows" is checked on the whole TelemetryEvents table.
/// </summary>
public sealed class TelemetryBadRequestTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Body_that_is_not_json_is_400_and_nothing_is_stored()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var body = Batch(terminal, [Heartbeat("hb-1", DateTimeOffset.UtcNow)]);

        await ExpectRefusedAsync(key, body[..^5], HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Plain_text_body_is_400()
    {
        var (_, key) = await app.NewTerminalAsync();

        await ExpectRefusedAsync(key, "heartbeat please", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Array_as_root_is_400()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var body = new JsonArray(JsonNode.Parse(Batch(terminal, [Heartbeat("hb-1", DateTimeOffset.UtcNow)]))).ToJsonString();

        await ExpectRefusedAsync(key, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Events_that_are_not_an_array_is_400()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var body = new JsonObject { ["terminalId"] = terminal, ["events"] = Heartbeat("hb-1", DateTimeOffset.UtcNow) }.ToJsonString();

        await ExpectRefusedAsync(key, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Terminal_id_given_as_a_number_is_400()
    {
        var (_, key) = await app.NewTerminalAsync();
        var body = new JsonObject { ["terminalId"] = 1234, ["events"] = new JsonArray(Heartbeat("hb-1", DateTimeOffset.UtcNow)) }.ToJsonString();

        await ExpectRefusedAsync(key, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Missing_terminal_id_is_400()
    {
        var (_, key) = await app.NewTerminalAsync();
        var body = new JsonObject { ["events"] = new JsonArray(Heartbeat("hb-1", DateTimeOffset.UtcNow)) }.ToJsonString();

        await ExpectRefusedAsync(key, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Empty_events_is_400()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        await ExpectRefusedAsync(key, Batch(terminal, []), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task More_than_500_events_is_400_and_none_of_them_is_stored()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 501).Select(i => (JsonNode)Power($"p-{i}", now.AddSeconds(-600 + i), "restored"));

        await ExpectRefusedAsync(key, Batch(terminal, events), HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Body_over_one_MiB_is_413_and_its_valid_event_is_not_stored()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        await ExpectRefusedAsync(key, new ByteArrayContent(TwoMiBBatch(terminal)) { Headers = { ContentType = new("application/json") } },
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Body_over_one_MiB_without_a_content_length_is_413()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var content = new StreamContent(new UnknownLengthStream(TwoMiBBatch(terminal))) { Headers = { ContentType = new("application/json") } };

        await ExpectRefusedAsync(key, content, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    /// <summary>A valid heartbeat padded with an extra field to 2 MiB: only the size makes it unacceptable.</summary>
    private static byte[] TwoMiBBatch(string terminal)
    {
        var heartbeat = Heartbeat("hb-big", DateTimeOffset.UtcNow.AddSeconds(-1));
        heartbeat["padding"] = new string('x', 2 * 1024 * 1024);
        return Encoding.UTF8.GetBytes(Batch(terminal, [heartbeat]));
    }

    private Task ExpectRefusedAsync(string key, string body, HttpStatusCode status) =>
        ExpectRefusedAsync(key, new StringContent(body, Encoding.UTF8, "application/json"), status);

    private async Task ExpectRefusedAsync(string key, HttpContent content, HttpStatusCode status)
    {
        var rowsBefore = await app.StoredEventsAsync();
        using var response = await app.PostTelemetryAsync(key, content);
        await Expect.ProblemAsync(response, status);
        Assert.Equal(rowsBefore, await app.StoredEventsAsync());
    }

    /// <summary>Hides the length, so the client sends the body chunked without a Content-Length header.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
