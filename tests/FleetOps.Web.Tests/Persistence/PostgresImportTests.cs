using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>The bulk import's own SQL (reused commands, not EF) on PostgreSQL: written, and read back after a restart.</summary>
public sealed class PostgresImportTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task Imported_stores_and_terminals_survive_a_restart_and_their_keys_work()
    {
        var (store, terminal) = (Ids.New("S"), Ids.New("T"));
        string key;
        await using (var first = _database.Start())
        {
            using var client = first.CreateAdminClient();
            using var content = new StringContent(
                $"storeCode,storeName,region,timeZone,terminalId,serialNumber,model\n{store},Xuhui,East,Asia/Shanghai,{terminal},,A920\n", Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await client.PostAsync("/api/v1/imports/terminals", content);
            await Expect.StatusAsync(response, HttpStatusCode.OK);
            key = (await response.Content.ReadAsStringAsync()).Split('\n')[1].Split(',')[1];
        }

        await using var second = _database.Start();
        Assert.Equal(store, Expect.Wire((await second.GetTerminalAsync(terminal))["storeCode"]));
        await second.PostAcceptedAsync(key, terminal, Heartbeat("e-1", DateTimeOffset.UtcNow));
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
