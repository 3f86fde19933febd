using System.Net;
using System.Net.Http.Json;
using FleetOps.Core.Training;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// A person already on a store's roster is refused even when another node added them: that node's entry is written
/// straight to the database (as its <c>TrainingService</c> writes it), so this node's book and its gate know nothing of it,
/// and only the unique index on the roster keys stands between the two entries. The answer is the in-node check's 409.
/// </summary>
public sealed class RosterOtherNodeTests(FleetOpsApp app, PostgresDatabase postgres) : IClassFixture<FleetOpsApp>, IClassFixture<PostgresDatabase>
{
    [Fact]
    public Task A_person_another_node_added_is_a_409_naming_the_name_on_sqlite() => OtherNodesEntryIsRefusedAsync(app);

    [PostgresFact]
    public async Task A_person_another_node_added_is_a_409_naming_the_name_on_postgres()
    {
        await using var node = postgres.Start();
        await OtherNodesEntryIsRefusedAsync(node);
    }

    private static async Task OtherNodesEntryIsRefusedAsync(FleetOpsApp node)
    {
        var store = await node.CreateStoreAsync(Ids.New("S"));
        using var admin = node.CreateAdminClient();
        await using (var otherNode = node.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            otherNode.StaffMembers.Add(TrainingRows.Row(new StaffMember(0, store, "Chen Li", "cashier", new DateOnly(2025, 3, 1)), "other node", DateTimeOffset.UtcNow));
            await otherNode.SaveChangesAsync();
        }

        using var again = await admin.PostAsJsonAsync($"/api/v1/stores/{store}/staff", new { name = " chen li ", role = "Cashier", startedOn = "2025-04-01" });

        var problem = await Expect.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("name", Expect.Wire(problem["field"]));
        Assert.Equal($"Chen Li (cashier) is already on the roster of store {store}.", Expect.Wire(problem["detail"]));
        await using var db = node.GetService<FleetDbContextFactory>().CreateDbContext();
        Assert.Equal(1, await db.StaffMembers.CountAsync(s => s.StoreCode == store));
        // A namesake in another role is someone else, here too.
        await admin.AddStaffAsync(store, "Chen Li", "supervisor");
    }
}
