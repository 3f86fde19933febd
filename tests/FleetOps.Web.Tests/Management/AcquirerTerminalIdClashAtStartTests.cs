using System.Net;
using System.Net.Http.Json;
using FleetOps.Core.Fleet;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// A clash of acquirer terminal ids older than the rule that now refuses one (data written before it) cannot be
/// refused any more: the start names both terminals in the log, so an administrator learns which ids to correct before
/// reconciliation files lines under the wrong store.
/// </summary>
public sealed class AcquirerTerminalIdClashAtStartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();

    [Fact]
    public async Task A_clash_already_in_the_data_is_logged_at_start_naming_both_terminals()
    {
        var acquirer = Ids.New("acq");
        var tid = Ids.New("TID");
        var (first, second) = (Ids.New("T"), Ids.New("T"));
        await using (var before = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            using var client = before.CreateAdminClient();
            var store = Ids.New("S");
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/stores",
                new { code = store, name = "Store", region = "East", timeZone = "Asia/Shanghai", acquirer }), HttpStatusCode.Created);
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/terminals",
                new { terminalId = first, storeCode = store, model = "A920", acquirerTerminalId = tid }), HttpStatusCode.Created);
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/terminals",
                new { terminalId = second, storeCode = store, model = "A920", acquirerTerminalId = "other" }), HttpStatusCode.Created);
            // As a database written before the rule has it.
            await using var db = before.GetService<FleetDbContextFactory>().CreateDbContext();
            Assert.Equal(1, await db.Terminals.Where(t => t.TerminalId == second).ExecuteUpdateAsync(s => s.SetProperty(t => t.AcquirerTerminalId, tid)));
        }

        await using (var after = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            Assert.NotNull(after.GetService<FleetState>().Get(second)); // started, both terminals loaded
            await Eventually.MatchesAsync(() => Task.FromResult(LogFiles.Lines(tid).Any(line => line.Contains(first, StringComparison.Ordinal)
                    && line.Contains(second, StringComparison.Ordinal) && line.Contains(acquirer, StringComparison.Ordinal))),
                found => found, "the clash in the start's log");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        FleetOpsApp.DeleteDatabase(_database);
        return Task.CompletedTask;
    }
}
