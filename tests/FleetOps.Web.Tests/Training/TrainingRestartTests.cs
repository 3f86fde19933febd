using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Training;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// Rosters and sessions outlive a restart: the book is rebuilt from the database, with each person's completed items and
/// who signed (the drawings stay in the database and are read back from there).
/// </summary>
public sealed class TrainingRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_restarted_app_has_the_same_staff_sessions_and_compliance()
    {
        string store;
        long kept, left, signedSession;
        var keptPng = TrainingSignatureApiTests.Png(200);
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            store = await first.CreateStoreAsync(Ids.New("S"));
            using var admin = first.CreateAdminClient();
            kept = await admin.AddStaffAsync(store, "Stays");
            left = await admin.AddStaffAsync(store, "Leaves");
            await admin.TrainFullyAsync(store, TrainingCalls.Today(-1), kept, left);
            using var signed = await TrainingSignatureApiTests.SignedSessionAsync(admin, store, [kept, left], null,
                [new { staffId = kept, png = Convert.ToBase64String(keptPng) }]);
            signedSession = (await Expect.JsonObjectAsync(signed))["id"]!.GetValue<long>();
            await admin.DeleteAsync($"/api/v1/stores/{store}/staff/{left}");
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        var book = _second.GetService<TrainingBook>();
        using var client = _second.CreateAdminClient();

        Assert.Equal(["Leaves", "Stays"], book.StaffOf(store).Select(s => s.Name));
        Assert.NotNull(book.Staff(left)!.LeftOn);
        Assert.Equal(7, book.SessionsOf(store).Count);
        var signedOne = book.Session(signedSession)!;
        Assert.False(signedOne.TrainerSigned);
        Assert.Equal([kept], signedOne.SignedBy);
        Assert.Equal(keptPng, await client.GetByteArrayAsync($"/api/v1/training/sessions/{signedSession}/signatures/{kept}"));
        Assert.All(book.SessionsOf(store), s => Assert.Equal(TrainingCalls.Required(s.Programme).Order(), s.CompletedBy(kept).Order()));
        var compliance = await client.ComplianceAsync(store);
        Assert.Equal((1, 1, 100.0), (compliance["staff"]!.GetValue<int>(), compliance["current"]!.GetValue<int>(), compliance["percentCurrent"]!.GetValue<double>()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
