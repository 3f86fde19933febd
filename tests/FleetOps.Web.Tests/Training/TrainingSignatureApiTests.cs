using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// Signed sessions over HTTP (FleetOps's optional additions to §9): the trainer's and the trained people's drawings are
/// kept with the session and read back by people who see the store; anything that is not a PNG, too large, or signed by
/// someone outside the session is a 400 naming the field, and nothing of that session is stored.
/// </summary>
public sealed class TrainingSignatureApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    /// <summary>Bytes that start as a PNG does (the service tells a PNG by its first bytes), padded to <paramref name="length"/>.</summary>
    internal static byte[] Png(int length = 64)
    {
        var bytes = new byte[length];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        bytes[^1] = (byte)length;
        return bytes;
    }

    /// <summary>A card-payment session held today with the given signatures (the trainer's as a base64 PNG, the people's as objects).</summary>
    internal static Task<HttpResponseMessage> SignedSessionAsync(HttpClient client, string store, long[] staffIds, string? trainerSignature,
        object[] signatures) =>
        client.PostAsJsonAsync("/api/v1/training/sessions", new
        {
            storeCode = store, programme = "card_payment", heldOn = TrainingCalls.Today(), trainer = "Wang Fang", staffIds,
            completedItems = TrainingCalls.Required("card_payment"), trainerSignature, signatures,
        });

    [Fact]
    public async Task Signatures_sent_with_a_session_are_kept_and_shown_to_those_who_see_the_store()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var other = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var li = await admin.AddStaffAsync(store, "Li Na");
        var zhou = await admin.AddStaffAsync(store, "Zhou Bo");
        var trainer = Png(100);
        var liSignature = Png(120);

        using var created = await SignedSessionAsync(admin, store, [li, zhou], "data:image/png;base64," + Convert.ToBase64String(trainer),
            [new { staffId = li, png = Convert.ToBase64String(liSignature) }]);
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        var id = (await Expect.JsonObjectAsync(created))["id"]!.GetValue<long>();

        var session = Assert.Single((await Expect.JsonObjectAsync(await admin.GetAsync($"/api/v1/training/sessions?store={store}"))).Items());
        Assert.True(session["trainerSigned"]!.GetValue<bool>());
        Assert.Equal([(li, true), (zhou, false)], session["attendees"]!.AsArray()
            .Select(a => (a!["staffId"]!.GetValue<long>(), a["signed"]!.GetValue<bool>())).OrderBy(a => a.Item1));
        Assert.Equal(trainer, await admin.GetByteArrayAsync($"/api/v1/training/sessions/{id}/signatures/trainer"));
        Assert.Equal(liSignature, await admin.GetByteArrayAsync($"/api/v1/training/sessions/{id}/signatures/{li}"));
        await Expect.ProblemAsync(await admin.GetAsync($"/api/v1/training/sessions/{id}/signatures/{zhou}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await admin.GetAsync($"/api/v1/training/sessions/{id}/signatures/someone"), HttpStatusCode.NotFound);

        var outsider = await app.CreateUserAsync(Roles.StoreManager, stores: [other]);
        using var outsiderClient = app.CreateTokenClient((await app.CreateApiTokenAsync(outsider)).Token);
        await Expect.ProblemAsync(await outsiderClient.GetAsync($"/api/v1/training/sessions/{id}/signatures/trainer"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_session_without_signatures_is_still_accepted_as_section_9_describes()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var person = await admin.AddStaffAsync(store, "Unsigned");

        await Expect.StatusAsync(await admin.SessionAsync(store, "card_payment", TrainingCalls.Today(), [person]), HttpStatusCode.Created);

        var session = Assert.Single((await Expect.JsonObjectAsync(await admin.GetAsync($"/api/v1/training/sessions?store={store}"))).Items());
        Assert.False(session["trainerSigned"]!.GetValue<bool>());
        Assert.False(session["attendees"]![0]!["signed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("not_png", "trainerSignature", "A signature must be a PNG image.")]
    [InlineData("too_large", "trainerSignature", "A signature may be at most 512 KiB.")]
    [InlineData("not_base64", "trainerSignature", "'trainerSignature' must be a base64-encoded PNG image.")]
    [InlineData("stranger", "signatures", "Staff member {stranger} is not among the session's staff.")]
    [InlineData("twice", "signatures", "Staff member {person} signed more than once.")]
    [InlineData("trainee_not_png", "signatures", "A signature must be a PNG image.")]
    [InlineData("no_png", "signatures", "Each signature needs 'staffId' and 'png'.")]
    public async Task Bad_signatures_are_refused_naming_the_field_and_nothing_is_stored(string bad, string field, string detail)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var person = await admin.AddStaffAsync(store, "Signer");
        var bystander = await admin.AddStaffAsync(store, "Not trained today");
        var good = Convert.ToBase64String(Png());
        var jpeg = Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]);
        var (trainer, signatures) = bad switch
        {
            "not_png" => (jpeg, Array.Empty<object>()),
            "too_large" => (Convert.ToBase64String(Png(512 * 1024 + 1)), []),
            "not_base64" => ("this is not base64!", []),
            "stranger" => (good, [new { staffId = bystander, png = good }]),
            "twice" => (good, [new { staffId = person, png = good }, new { staffId = person, png = good }]),
            "no_png" => (good, [new { staffId = person, png = (string?)null }]),
            _ => (good, new object[] { new { staffId = person, png = jpeg } }),
        };
        var signaturesBefore = await SignatureRowsAsync();

        using var response = await SignedSessionAsync(admin, store, [person], trainer, signatures);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(detail.Replace("{stranger}", bystander.ToString()).Replace("{person}", person.ToString()), Expect.Wire(problem["detail"]));
        Assert.Equal(field, Expect.Wire(problem["field"]));
        Assert.Empty((await Expect.JsonObjectAsync(await admin.GetAsync($"/api/v1/training/sessions?store={store}"))).Items());
        Assert.Equal(signaturesBefore, await SignatureRowsAsync());
    }

    private async Task<int> SignatureRowsAsync()
    {
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        return await db.TrainingSignatures.CountAsync();
    }
}
