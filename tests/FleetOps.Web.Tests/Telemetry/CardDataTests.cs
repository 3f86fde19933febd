using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>A full card number anywhere in an event refuses that event, and the number is kept nowhere: not in the database, not in a log.</summary>
public sealed class CardDataTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Full_card_number_as_masked_pan_rejects_the_event_and_is_stored_nowhere()
    {
        var pan = CardNumber();
        var transaction = Transaction("tx-1", DateTimeOffset.UtcNow.AddSeconds(-2));
        transaction["maskedPan"] = pan;

        await ExpectRejectedAndForgottenAsync(transaction, pan);
    }

    [Fact]
    public async Task Full_card_number_in_an_unknown_extra_field_rejects_the_event_and_is_stored_nowhere()
    {
        var pan = CardNumber();
        var transaction = Transaction("tx-1", DateTimeOffset.UtcNow.AddSeconds(-2));
        transaction["track2"] = $"card {pan} exp 2912";

        await ExpectRejectedAndForgottenAsync(transaction, pan);
    }

    [Fact]
    public async Task Full_card_number_as_rrn_rejects_the_event_and_is_stored_nowhere()
    {
        var pan = CardNumber();
        var transaction = Transaction("tx-1", DateTimeOffset.UtcNow.AddSeconds(-2));
        transaction["rrn"] = pan;

        await ExpectRejectedAndForgottenAsync(transaction, pan);
    }

    [Fact]
    public async Task Full_card_number_in_a_heartbeat_field_rejects_the_event()
    {
        var pan = CardNumber();
        var heartbeat = Heartbeat("hb-pan", DateTimeOffset.UtcNow.AddSeconds(-2));
        heartbeat["bootId"] = pan;

        await ExpectRejectedAndForgottenAsync(heartbeat, pan);
    }

    [Fact]
    public async Task Full_card_number_in_a_number_field_rejects_the_event()
    {
        var pan = CardNumber();
        var transaction = Transaction("tx-1", DateTimeOffset.UtcNow.AddSeconds(-2));
        transaction["amountMinor"] = long.Parse(pan, System.Globalization.CultureInfo.InvariantCulture);

        await ExpectRejectedAndForgottenAsync(transaction, pan);
    }

    [Fact]
    public async Task Full_card_number_as_event_id_rejects_the_event_without_echoing_the_id()
    {
        var pan = CardNumber();
        var (terminal, key) = await app.NewTerminalAsync();

        using var response = await app.PostTelemetryAsync(key, terminal, Transaction(pan, DateTimeOffset.UtcNow.AddSeconds(-2)));

        await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(pan, text, StringComparison.Ordinal);
        var rejected = Assert.Single(JsonNode.Parse(text)!["rejected"]!.AsArray())!.AsObject();
        Assert.Null(rejected["id"]);
        Assert.Contains("full card number", Expect.Wire(rejected["error"]), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await app.FindTextAsync(pan));
        Assert.Empty(LogFiles.Containing(pan));
    }

    private async Task ExpectRejectedAndForgottenAsync(JsonObject withCardNumber, string pan)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var id = withCardNumber["id"]!.GetValue<string>();

        using var response = await app.PostTelemetryAsync(key, terminal, Heartbeat("hb-ok", DateTimeOffset.UtcNow.AddSeconds(-3)), withCardNumber);
        await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!.AsObject();
        Assert.Equal(1, rejected["index"]!.GetValue<int>());
        Assert.Equal(id, Expect.Wire(rejected["id"]));
        Assert.Contains("full card number", Expect.Wire(rejected["error"]), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(pan, text, StringComparison.Ordinal);

        Assert.Equal(1, await app.StoredEventsAsync(terminal));
        Assert.Empty(await app.FindTextAsync(pan));
        Assert.False(app.RawFilesContain(pan), "The card number is in the raw database file or its WAL.");
        Assert.Empty(LogFiles.Containing(pan));
    }
}
