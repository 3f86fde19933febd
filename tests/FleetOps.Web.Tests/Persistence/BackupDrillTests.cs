using System.Collections.Concurrent;
using FleetOps.Core.Transactions;
using FleetOps.Web.Hosting;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// The restore drill of issue 17: an online SQLite backup taken while terminals keep posting, restored into a fresh node,
/// holds every sale acknowledged before the backup began — and the node rebuilt from it knows them.
/// </summary>
public sealed class BackupDrillTests
{
    private static readonly Dictionary<string, string?> NoRateLimit = new()
    {
        ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "100000",
        ["FleetOps:RateLimits:TelemetryBurst"] = "100000",
    };

    [Fact]
    public async Task A_backup_under_load_restores_into_a_fresh_node_with_every_sale_acknowledged_before_it()
    {
        var backup = FleetOpsApp.NewDatabasePath();
        (string Terminal, string Sale)[] ackedBefore;
        int ackedInAll;
        await using (var source = FleetOpsApp.Create(new FleetOpsAppOptions { Settings = NoRateLimit }))
        {
            var terminals = new List<(string Id, string Key)>();
            for (var i = 0; i < 4; i++) terminals.Add(await source.NewTerminalAsync());
            var acked = new ConcurrentQueue<(string Terminal, string Sale)>();
            using var stop = new CancellationTokenSource();
            var at = DateTimeOffset.UtcNow.AddMinutes(-5);
            var load = terminals.Select(t => Task.Run(async () =>
            {
                for (var n = 0; n < 2_000 && !stop.IsCancellationRequested; n++)
                {
                    var sale = $"000001-{n:D4}";
                    await source.PostAcceptedAsync(t.Key, t.Id, Transaction($"ev-{n}", at.AddMilliseconds(n), transactionId: sale, rrn: $"61{n:D10}"));
                    acked.Enqueue((t.Id, sale));
                }
            })).ToArray();
            await Eventually.MatchesAsync(() => Task.FromResult(acked.Count), count => count >= 200, "sales acknowledged before the backup");

            ackedBefore = acked.ToArray();
            await SqliteBackup.CopyAsync(source.ConnectionString, backup);
            // The load went on while the copy was taken and after it.
            await Eventually.MatchesAsync(() => Task.FromResult(acked.Count), count => count >= ackedBefore.Length + 100, "sales acknowledged after the backup");
            await stop.CancelAsync();
            await Task.WhenAll(load);
            ackedInAll = acked.Count;
        }

        await using var restored = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = backup });
        using var client = restored.CreateAdminClient();
        await Expect.StatusAsync(await client.GetAsync("/health/ready"), System.Net.HttpStatusCode.OK);
        var book = restored.GetService<TransactionBook>();
        Assert.All(ackedBefore, a => Assert.NotNull(book.Get(a.Terminal, a.Sale)));
        // A snapshot, not the live file: what came after the copy began is not all there.
        Assert.True(book.OpenCount < ackedInAll, $"the backup holds {book.OpenCount} of {ackedInAll} sales: it was not taken under load");
    }

    [Fact]
    public async Task The_backup_command_copies_the_database_its_settings_name_and_never_overwrites()
    {
        string target;
        await using (var app = FleetOpsApp.Create(new FleetOpsAppOptions()))
        {
            var (terminal, key) = await app.NewTerminalAsync();
            await app.PostAcceptedAsync(key, terminal, Transaction("ev-1", DateTimeOffset.UtcNow.AddMinutes(-1), transactionId: "000001-0001"));
            target = FleetOpsApp.NewDatabasePath();
            string[] args = [BackupCommand.Verb, target, $"--ConnectionStrings:FleetOps={app.ConnectionString}"];

            Assert.Equal(0, await BackupCommand.RunAsync(args));
            Assert.True(new FileInfo(target).Length > 0);
            Assert.Equal(1, await BackupCommand.RunAsync(args)); // the target exists now

            Assert.Equal(2, await BackupCommand.RunAsync([BackupCommand.Verb, target + "2", "--FleetOps:Database:Provider=Postgres",
                "--ConnectionStrings:FleetOps=Host=127.0.0.1;Database=fleetops"]));
            Assert.False(File.Exists(target + "2"));
        }
        await using var restored = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = target });
        using var client = restored.CreateAdminClient();
        await Expect.StatusAsync(await client.GetAsync("/health/ready"), System.Net.HttpStatusCode.OK);
        Assert.Equal(1, restored.GetService<TransactionBook>().OpenCount);
    }
}
