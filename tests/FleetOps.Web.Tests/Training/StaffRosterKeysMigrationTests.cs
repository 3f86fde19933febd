using System.Data.Common;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// Migration <c>StaffRosterKeys</c> gives the roster rows stored before it the keys the code gives new ones, and does not
/// fail on a person listed twice (which the roster allowed until a session ago): the newest entry gets the keys, the
/// older keeps none, both stay listed; the unique index then refuses a further current entry of that person.
/// </summary>
public sealed class StaffRosterKeysMigrationTests(MigrationDatabase database) : IClassFixture<MigrationDatabase>
{
    [Fact]
    public Task Sqlite_keys_the_roster_and_leaves_the_older_of_a_person_listed_twice_without_keys() => MigrationDatabase.OnSqliteAsync(AssertKeyedAsync);

    [PostgresFact]
    public Task Postgres_keys_the_roster_and_leaves_the_older_of_a_person_listed_twice_without_keys() => database.OnPostgresAsync(AssertKeyedAsync);

    private static async Task AssertKeyedAsync(FleetDbContext db)
    {
        var migrator = await MigrationDatabase.MigrateToJustBeforeAsync(db, "StaffRosterKeys");
        await StaffAsync(db, 1, "Chen Li", "cashier");
        await StaffAsync(db, 2, "chen li", "Cashier"); // the same person again
        await StaffAsync(db, 3, "Chen Li", "supervisor"); // a namesake in another role
        await StaffAsync(db, 4, "Wang Fang", "cashier", leftOn: "2025-06-30");
        await StaffAsync(db, 5, "Wang Fang", "cashier"); // came back
        await StaffAsync(db, 6, "José", "técnico"); // keys fold ASCII only, in SQL as in the code
        await StaffAsync(db, 7, "Chen Li", "cashier", store: "S-2");

        await migrator.MigrateAsync();

        var keys = await db.StaffMembers.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.NameKey, s.RoleKey }).ToListAsync();
        Assert.Equal(new (long, string?, string?)[]
        {
            (1L, null, null), (2L, "CHEN LI", "CASHIER"), (3L, "CHEN LI", "SUPERVISOR"), (4L, "WANG FANG", "CASHIER"), (5L, "WANG FANG", "CASHIER"),
            (6L, RosterKey.Of("José"), RosterKey.Of("técnico")), (7L, "CHEN LI", "CASHIER"),
        }, keys.Select(k => (k.Id, k.NameKey, k.RoleKey)));
        Assert.Equal(("JOSé", "TéCNICO"), (RosterKey.Of(" José "), RosterKey.Of("técnico")));

        var third = await Assert.ThrowsAnyAsync<DbException>(() => StaffAsync(db, 8, "CHEN LI", "cashier", keyed: true));
        Assert.True(third.IsUniqueViolation());
    }

    /// <summary>A roster row as stored before the migration (no keys yet, so plain SQL), or after it with its keys.</summary>
    private static Task StaffAsync(FleetDbContext db, long id, string name, string role, string? leftOn = null, string store = "S-1", bool keyed = false) =>
        MigrationDatabase.RunAsync(db,
            keyed
                ? """
                  INSERT INTO "StaffMembers" ("Id", "StoreCode", "Name", "Role", "StartedOn", "LeftOn", "CreatedBy", "CreatedAtMs", "NameKey", "RoleKey")
                  VALUES (@id, @store, @name, @role, '2025-03-01', @left, 'ops', 0, @nameKey, @roleKey)
                  """
                : """
                  INSERT INTO "StaffMembers" ("Id", "StoreCode", "Name", "Role", "StartedOn", "LeftOn", "CreatedBy", "CreatedAtMs")
                  VALUES (@id, @store, @name, @role, '2025-03-01', @left, 'ops', 0)
                  """,
            [("@id", id), ("@store", store), ("@name", name), ("@role", role), ("@left", (object?)leftOn ?? DBNull.Value),
                .. keyed ? new[] { ("@nameKey", (object)RosterKey.Of(name)), ("@roleKey", RosterKey.Of(role)) } : []]);
}
