using System.Net;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// The store manager's drawn signature (issue 14): kept as a PNG for the signature item, with the photos' limits and access;
/// through the API the signer's name as the item's value signs too (docs/api.md §8), no value and no drawing does not.
/// </summary>
public sealed class SignatureTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static object Results(string signature) => new
    {
        results = new object[]
        {
            new { item = "housing_intact", value = true }, new { item = "no_tampering", value = true }, new { item = "card_reader_ok", value = true },
            new { item = "printer_ok", value = true }, new { item = "manager_signature", value = signature },
        },
        signedBy = "Li Wei",
    };

    private async Task<long> StartedInspectionAsync(HttpClient admin, string store)
    {
        var order = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));
        await Expect.StatusAsync(await admin.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        return order.Id();
    }

    [Fact]
    public async Task Without_a_signature_the_work_is_refused_and_the_drawn_signature_is_kept_as_the_item_s_answer()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var id = await StartedInspectionAsync(admin, store);

        var refused = await Expect.ProblemAsync(await admin.CommandAsync(id, "complete", Results(" ")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("manager_signature", "missing"), (Expect.Wire(refused["problems"]![0]!["item"]), Expect.Wire(refused["problems"]![0]!["reason"])));

        var signature = await admin.SignAsync(id);
        await Expect.StatusAsync(await admin.CommandAsync(id, "complete", Results($"{signature}")), HttpStatusCode.OK);

        var done = await admin.WorkOrderAsync(id);
        Assert.Equal("done", Expect.Wire(done["state"]));
        Assert.Equal("Li Wei", Expect.Wire(done["signedBy"]));
        Assert.Equal($"{signature}", Expect.Wire(done["results"]!.AsArray().Single(r => Expect.Wire(r!["item"]) == "manager_signature")!["value"]));
        var image = Assert.Single(done["photos"]!.AsArray())!;
        Assert.Equal(("manager_signature", "image/png"), (Expect.Wire(image["item"]), Expect.Wire(image["contentType"])));
    }

    [Fact]
    public async Task An_API_client_signs_with_the_signer_s_name_as_docs_api_8_has_it()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var id = await StartedInspectionAsync(admin, store);

        await Expect.StatusAsync(await admin.CommandAsync(id, "complete", Results("Li Wei")), HttpStatusCode.OK);

        var done = await admin.WorkOrderAsync(id);
        Assert.Equal("Li Wei", Expect.Wire(done["results"]!.AsArray().Single(r => Expect.Wire(r!["item"]) == "manager_signature")!["value"]));
        Assert.Empty(done["photos"]!.AsArray());
    }

    [Fact]
    public async Task A_signature_that_is_not_a_PNG_or_is_too_large_is_refused_and_nothing_is_kept()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var id = await StartedInspectionAsync(admin, store);
        var photos = app.GetService<WorkOrderPhotos>();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];
        var large = new byte[photos.MaxBytes + 1];
        MaintenanceCalls.Png.CopyTo(large, 0);

        using var asJpeg = new MemoryStream(jpeg);
        var notPng = await photos.AddAsync(id, "manager_signature", asJpeg, MaintenanceActor.Bootstrap, null);
        using var tooLarge = new MemoryStream(large);
        var overLimit = await photos.AddAsync(id, "manager_signature", tooLarge, MaintenanceActor.Bootstrap, null);

        Assert.Equal((MaintenanceError.Invalid, "A signature must be a PNG image."), (notPng.Error, notPng.Detail));
        Assert.Equal(MaintenanceError.Invalid, overLimit.Error);
        Assert.Empty(await photos.ListAsync(id));
        await Expect.ProblemAsync(await admin.PostAsync($"/api/v1/workorders/{id}/photos",
            MaintenanceCalls.Image(jpeg, "signature.png", "manager_signature")), HttpStatusCode.BadRequest);
        Assert.Empty((await admin.WorkOrderAsync(id))["photos"]!.AsArray());
    }

    [Fact]
    public async Task A_signature_is_served_to_people_of_its_store_and_to_nobody_else()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var elsewhere = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var otherManager = await app.CreateUserAsync(Roles.StoreManager, stores: [elsewhere]);
        using var admin = app.CreateAdminClient();
        var id = await StartedInspectionAsync(admin, store);
        using var png = new MemoryStream(MaintenanceCalls.Png);
        var stored = await app.GetService<WorkOrderPhotos>().AddAsync(id, "manager_signature", png, MaintenanceActor.Bootstrap, null);
        var url = $"/api/v1/workorders/{id}/photos/{stored.Value!.Id}";

        using var mine = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var theirs = app.CreateTokenClient((await app.CreateApiTokenAsync(otherManager)).Token);
        using var served = await mine.GetAsync(url);

        await Expect.StatusAsync(served, HttpStatusCode.OK);
        Assert.Equal(MaintenanceCalls.Png, await served.Content.ReadAsByteArrayAsync());
        await Expect.ProblemAsync(await theirs.GetAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(ChecklistItemType.Signature, app.GetService<MaintenanceBook>().Template(DefaultChecklists.TerminalInspection)!.Item(stored.Value.Item)!.Type);
    }
}
