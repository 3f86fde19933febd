using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Management;

/// <summary>POST /api/v1/terminals and GET /api/v1/terminals/{id}.</summary>
public sealed class TerminalRegistrationTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task New_terminal_is_201_with_its_id_and_a_key()
    {
        var store = await app.DefaultStoreAsync();
        var terminal = Ids.New("T");
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId = terminal, storeCode = store, model = "A920", serialNumber = "SN-1" });

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var body = await Expect.JsonObjectAsync(response);
        Assert.Equal(terminal, Expect.Wire(body["terminalId"]));
        Assert.True(Expect.Wire(body["key"]).Length >= 20, body.ToJsonString());
    }

    [Fact]
    public async Task Terminal_in_an_unknown_store_is_400()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId = Ids.New("T"), storeCode = "NO-SUCH-STORE", model = "A920" });

        await Expect.ValidationProblemAsync(response, "storeCode");
    }

    [Fact]
    public async Task Terminal_without_a_model_is_400()
    {
        var store = await app.DefaultStoreAsync();
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId = Ids.New("T"), storeCode = store });

        await Expect.ValidationProblemAsync(response, "model");
    }

    [Fact]
    public async Task Terminal_registered_twice_is_409()
    {
        var (terminal, _) = await app.NewTerminalAsync();
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId = terminal, storeCode = await app.DefaultStoreAsync(), model = "A920" });

        await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Issued_key_works_for_telemetry()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        var body = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1)));

        Assert.Equal(1, body["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Database_keeps_only_a_hash_of_the_key()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        Assert.Equal(1, await app.CountAsync("Terminals", terminal));
        Assert.Empty(await app.FindTextAsync(key));
        Assert.False(app.RawFilesContain(key), "The key is in the raw database file or its WAL.");
    }

    [Fact]
    public async Task Unknown_terminal_is_404()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.GetAsync("/api/v1/terminals/NO-SUCH-TERMINAL");

        await Expect.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Terminal_never_heard_from_is_shown_in_the_protocol_shape()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store, model: "V400m");

        var shown = await app.GetTerminalAsync(terminal);

        Assert.Equal(terminal, Expect.Wire(shown["terminalId"]));
        Assert.Equal(store, Expect.Wire(shown["storeCode"]));
        Assert.Equal("V400m", Expect.Wire(shown["model"]));
        Assert.Equal("unknown", Expect.Wire(shown["connectivity"]));
        Assert.Null(shown["lastSeenAt"]);
        Assert.Null(shown["appVersion"]);
        Assert.Null(shown["firmwareVersion"]);
        var power = shown["power"]!.AsObject();
        Assert.Equal("stable", Expect.Wire(power["status"]));
        Assert.Equal(0, power["lossesInWindow"]!.GetValue<int>());
        Assert.True(power.ContainsKey("likelyCause"), power.ToJsonString());
        Assert.Null(power["likelyCause"]);
        Assert.Equal("unknown", Expect.Wire(shown["software"]!["status"]));
    }

    [Fact]
    public async Task Enumeration_values_are_lower_snake_case_strings()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1), powerSource: "battery"));

        var shown = await app.GetTerminalAsync(terminal);

        Assert.Equal("online", Expect.Wire(shown["connectivity"]));
        Assert.Equal("battery", Expect.Wire(shown["powerSource"]));
        Assert.Equal("stable", Expect.Wire(shown["power"]!["status"]));
        Assert.Equal("unknown", Expect.Wire(shown["software"]!["status"]));
    }
}
