using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// A node re-reads every user after it missed the cluster's news (Redis away); requests go on meanwhile, and each one asks
/// the directory who its user is. CI once caught node B in the moment the re-read had emptied the directory to refill it.
/// </summary>
public sealed class UserDirectoryReloadTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Every_user_stays_known_while_the_directory_re_reads_everyone()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < 40; i++) users.Add(await app.CreateUserAsync(Roles.Technician, stores: ["NONE"]));
        var directory = app.GetService<UserDirectory>();
        var missed = 0;
        var lookups = 0;
        using var done = new CancellationTokenSource();
        // The re-reads start once the lookups run: on a busy machine the looking task may not be scheduled before 30 re-reads end.
        var looking = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var user in users)
                {
                    if (directory.Get(user.Id) is null) Interlocked.Increment(ref missed);
                    Interlocked.Increment(ref lookups);
                }
            }
        });
        while (Volatile.Read(ref lookups) == 0 && !looking.IsCompleted) await Task.Yield();
        for (var i = 0; i < 30; i++) await directory.ReloadChangedAsync();
        await done.CancelAsync();
        await looking;

        Assert.True(lookups > 0);
        Assert.Equal(0, missed);
    }

    [Fact]
    public async Task A_re_read_forgets_a_user_deleted_from_the_database_and_keeps_the_others()
    {
        var kept = await app.CreateUserAsync(Roles.Technician, stores: ["NONE"]);
        var deleted = await app.CreateUserAsync(Roles.Technician, stores: ["NONE"]);
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            db.Users.Remove(db.Users.Single(u => u.Id == deleted.Id));
            await db.SaveChangesAsync();
        }
        var directory = app.GetService<UserDirectory>();

        await directory.ReloadChangedAsync();

        Assert.Null(directory.Get(deleted.Id));
        Assert.NotNull(directory.Get(kept.Id));
    }
}
