using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Management;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>The registration races of <see cref="RegistrationRaceTests"/> on PostgreSQL, whose unique-violation error differs.</summary>
public sealed class PostgresRegistrationRaceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Fifty_registrations_of_one_terminal_id_give_one_201_and_49_409()
    {
        await using var app = database.Start();
        await RegistrationRace.OneTerminalIdWinsAsync(await app.CreateStoreAsync(Ids.New("S")), app);
    }

    [PostgresFact]
    public async Task Fifty_registrations_of_one_store_code_in_three_spellings_give_one_store()
    {
        await using var app = database.Start();
        await RegistrationRace.OneStoreCodeWinsWhateverTheCaseAsync(app);
    }

    /// <summary>Two nodes: the in-process gate does not span them, so PostgreSQL's unique violation (23505) must become 409.</summary>
    [PostgresFact]
    public async Task Two_nodes_registering_one_terminal_id_and_one_store_code_give_one_201_each()
    {
        await using var first = database.Start();
        var store = await first.CreateStoreAsync(Ids.New("S"));
        await using var second = database.Start();
        second.CreateClient().Dispose(); // started now, so it loads the store

        await RegistrationRace.OneTerminalIdWinsAsync(store, first, second);
        await RegistrationRace.OneStoreCodeWinsWhateverTheCaseAsync(first, second);
    }
}
