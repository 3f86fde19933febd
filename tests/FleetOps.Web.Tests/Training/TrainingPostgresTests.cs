using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Training;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// Issue 15's tables on PostgreSQL, made by their own migrations: a roster with a person who left, their sessions with each
/// person's completed items and drawn signatures, an emergency plan and the stores' acquirer ids — written, then read back
/// the same after a restart.
/// </summary>
public sealed class TrainingPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task Staff_sessions_and_the_emergency_plan_survive_a_restart_on_postgres()
    {
        string store;
        long kept, left, signedSession;
        var trainerPng = TrainingSignatureApiTests.Png(300);
        var keptPng = TrainingSignatureApiTests.Png(400);
        await using (var first = _database.Start())
        {
            store = await first.CreateStoreAsync(Ids.New("S"));
            using var admin = first.CreateAdminClient();
            kept = await admin.AddStaffAsync(store, "Stays");
            left = await admin.AddStaffAsync(store, "Leaves");
            await admin.TrainFullyAsync(store, TrainingCalls.Today(-1), kept, left);
            using var signed = await TrainingSignatureApiTests.SignedSessionAsync(admin, store, [kept], Convert.ToBase64String(trainerPng),
                [new { staffId = kept, png = Convert.ToBase64String(keptPng) }]);
            await Expect.StatusAsync(signed, HttpStatusCode.Created);
            signedSession = (await Expect.JsonObjectAsync(signed))["id"]!.GetValue<long>();
            await Expect.StatusAsync(await admin.DeleteAsync($"/api/v1/stores/{store}/staff/{left}"), HttpStatusCode.NoContent);
            await Expect.StatusAsync(await admin.PutAsJsonAsync($"/api/v1/stores/{store}/emergency-plan",
                new { hotline = new { name = "Acquirer hotline", phone = "95516" }, upsLocation = "Under the counter" }), HttpStatusCode.OK);
            await Expect.StatusAsync(await admin.PutAsJsonAsync($"/api/v1/stores/{store}",
                new { name = $"Store {store}", region = "East", timeZone = "Asia/Shanghai", acquirer = "unionpay", merchantId = "898310040000000" }), HttpStatusCode.OK);
        }

        await using var second = _database.Start();
        using var client = second.CreateAdminClient();
        var book = second.GetService<TrainingBook>();

        Assert.Equal(["Leaves", "Stays"], book.StaffOf(store).Select(s => s.Name));
        Assert.NotNull(book.Staff(left)!.LeftOn);
        var signedOne = book.Session(signedSession)!;
        Assert.True(signedOne.TrainerSigned);
        Assert.Equal([kept], signedOne.SignedBy);
        Assert.Equal(trainerPng, await client.GetByteArrayAsync($"/api/v1/training/sessions/{signedSession}/signatures/trainer"));
        Assert.Equal(keptPng, await client.GetByteArrayAsync($"/api/v1/training/sessions/{signedSession}/signatures/{kept}"));
        Assert.All(book.SessionsOf(store).Where(s => s.Id != signedSession), s => Assert.False(s.TrainerSigned));
        Assert.All(book.SessionsOf(store), s => Assert.Equal(TrainingCalls.Required(s.Programme).Order(), s.CompletedBy(kept).Order()));
        var compliance = await client.ComplianceAsync(store);
        Assert.Equal((1, 1), (compliance["staff"]!.GetValue<int>(), compliance["current"]!.GetValue<int>()));
        var plan = await Expect.JsonObjectAsync(await client.GetAsync($"/api/v1/stores/{store}/emergency-plan"));
        Assert.Equal("Under the counter", Expect.Wire(plan["upsLocation"]));
        var stores = await Expect.JsonObjectAsync(await client.GetAsync("/api/v1/stores"));
        Assert.Equal("898310040000000", Expect.Wire(stores["items"]!.AsArray().Single(s => Expect.Wire(s!["code"]) == store)!["merchantId"]));
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
