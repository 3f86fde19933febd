using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// Registration is race-free and case-insensitive (SQLite; the PostgreSQL run, with two nodes on one database, is in
/// Persistence: a second server on one SQLite file is refused, SqliteServerLock).
/// </summary>
public sealed class RegistrationRaceTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Fifty_registrations_of_one_terminal_id_give_one_201_and_49_409() =>
        await RegistrationRace.OneTerminalIdWinsAsync(await app.CreateStoreAsync(Ids.New("S")), app);

    [Fact]
    public Task Fifty_registrations_of_one_store_code_in_three_spellings_give_one_store() => RegistrationRace.OneStoreCodeWinsWhateverTheCaseAsync(app);

    [Fact]
    public async Task A_terminal_id_differing_only_in_letter_case_is_409_and_the_first_keeps_its_spelling_and_key()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        using var client = app.CreateAdminClient();

        using var twin = await client.PostAsJsonAsync("/api/v1/terminals",
            new { terminalId = terminal.ToUpperInvariant(), storeCode = await app.DefaultStoreAsync(), model = "A920" });

        await Expect.ProblemAsync(twin, HttpStatusCode.Conflict);
        Assert.Equal(terminal, Expect.Wire((await app.GetTerminalAsync(terminal))["terminalId"]));
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    [Fact]
    public async Task Terminal_registered_in_a_store_spelled_in_another_case_joins_that_store()
    {
        var store = await app.CreateStoreAsync(Ids.New("S").ToUpperInvariant());
        var (terminal, _) = await app.NewTerminalAsync(store.ToLowerInvariant());

        Assert.Equal(store, Expect.Wire((await app.GetTerminalAsync(terminal))["storeCode"]));
        var listed = await app.ListTerminalsAsync($"store={store.ToLowerInvariant()}");
        Assert.Equal(terminal, Expect.Wire(Assert.Single(listed["items"]!.AsArray())!["terminalId"]));
    }
}
